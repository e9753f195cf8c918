namespace Fkj.Cdr.Storage.Templates;

/// <summary>One stored template with the OPT exactly as it was uploaded.</summary>
public sealed record StoredTemplate(TemplateSummary Summary, byte[] Opt);
