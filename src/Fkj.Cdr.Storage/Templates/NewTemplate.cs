namespace Fkj.Cdr.Storage.Templates;

/// <summary>A template to store: the OPT exactly as uploaded, its checksum and what the parser read from it.</summary>
/// <param name="TemplateId">The OPT's template_id.</param>
/// <param name="Opt">The uploaded bytes.</param>
/// <param name="Sha256">The lower-case hex SHA-256 of <paramref name="Opt"/> (<see cref="TemplateChecksum"/>).</param>
/// <param name="Uid">The OPT's uid, if it has one.</param>
/// <param name="Concept">The OPT's concept.</param>
/// <param name="Language">The OPT's original language (ISO 639-1 code).</param>
/// <param name="RootArchetypeId">The archetype id of the definition's root (a COMPOSITION archetype, usually).</param>
/// <param name="UploadedBy">Who uploaded it.</param>
public sealed record NewTemplate(
    string TemplateId,
    byte[] Opt,
    string Sha256,
    string? Uid,
    string Concept,
    string Language,
    string RootArchetypeId,
    string UploadedBy);
