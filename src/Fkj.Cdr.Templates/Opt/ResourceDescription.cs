namespace Fkj.Cdr.Templates.Opt;

/// <summary>The template's descriptive metadata (RESOURCE_DESCRIPTION): authorship, lifecycle and purpose per language.</summary>
public sealed class ResourceDescription
{
    /// <summary>Key → value, e.g. <c>name</c> → the author's name.</summary>
    public IReadOnlyDictionary<string, string> OriginalAuthor { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string> OtherContributors { get; init; } = [];

    public string LifecycleState { get; init; } = "";

    /// <summary>Key → value, e.g. <c>MetaDataSet:Sample Set</c>, <c>build_uid</c>.</summary>
    public IReadOnlyDictionary<string, string> OtherDetails { get; init; } = new Dictionary<string, string>();

    /// <summary>Purpose, use and keywords, one entry per language.</summary>
    public IReadOnlyList<ResourceDescriptionItem> Details { get; init; } = [];
}

/// <summary>RESOURCE_DESCRIPTION_ITEM: the description in one language.</summary>
public sealed record ResourceDescriptionItem(
    string Language,
    string Purpose,
    IReadOnlyList<string> Keywords,
    string? Use = null,
    string? Misuse = null,
    string? Copyright = null);
