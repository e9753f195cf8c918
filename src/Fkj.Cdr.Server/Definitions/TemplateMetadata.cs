using System.Globalization;
using System.Text.Json.Serialization;
using Fkj.Cdr.Storage.Templates;

namespace Fkj.Cdr.Server.Definitions;

/// <summary>One entry of <c>GET /definition/template/adl1.4</c>: ITS-REST's TemplateMetadata.</summary>
public sealed record TemplateMetadata(
    [property: JsonPropertyName("template_id")] string TemplateId,
    [property: JsonPropertyName("concept")] string Concept,
    [property: JsonPropertyName("archetype_id")] string ArchetypeId,
    [property: JsonPropertyName("created_timestamp")] string CreatedTimestamp)
{
    public static TemplateMetadata From(TemplateSummary summary) => new(
        summary.TemplateId,
        summary.Concept,
        summary.RootArchetypeId,
        summary.UploadedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
}
