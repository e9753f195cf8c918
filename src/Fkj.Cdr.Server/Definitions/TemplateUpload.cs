using Fkj.Cdr.Storage.Templates;

namespace Fkj.Cdr.Server.Definitions;

/// <summary>The result of an upload that was accepted: created now, or the identical template already there.</summary>
public sealed record TemplateUpload(TemplateUploadOutcome Outcome, TemplateSummary Stored, CompiledTemplate Compiled);
