namespace Fkj.Cdr.Storage.Templates;

/// <summary>One stored template without its OPT bytes: what a list shows and what an upload is compared by.</summary>
public sealed record TemplateSummary(
    string TemplateId,
    string Sha256,
    string? Uid,
    string Concept,
    string Language,
    string RootArchetypeId,
    DateTimeOffset UploadedAt,
    string UploadedBy);
