namespace Fkj.Cdr.Storage.Templates;

/// <summary>What <see cref="TemplateStore.AddAsync"/> did.</summary>
/// <param name="Added">True when the template was stored now; false when the tenant already had a template with that id.</param>
/// <param name="Stored">The template now stored under the id: the new one, or the one that was there (compare its checksum).</param>
public sealed record TemplateAddResult(bool Added, TemplateSummary Stored);
