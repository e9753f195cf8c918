namespace Fkj.Cdr.Aql.Semantics;

/// <summary>
/// The archetype paths that data has been stored at (the storage's <c>archetype_path</c> dictionary): what
/// semantic analysis matches FROM classes and paths against, once per query, so that the SQL reads only the
/// index rows of the matching path ids. The server implements it over the table and refreshes it as paths are
/// added; <see cref="Version"/> changes whenever the set does, which invalidates compiled plans.
/// </summary>
public interface IPathCatalogue
{
    /// <summary>Changes whenever <see cref="Paths"/> does (the number of paths serves, as rows are only added).</summary>
    long Version { get; }

    /// <summary>Every path, parsed.</summary>
    IReadOnlyList<CataloguedPath> Paths { get; }

    /// <summary>The registered templates, to refuse paths no template allows; null when they are not known here.</summary>
    ITemplateConstraints? Templates => null;
}

/// <summary>A fixed catalogue (tests, benchmarks, a snapshot of the server's).</summary>
public sealed class PathCatalogue : IPathCatalogue
{
    public PathCatalogue(IEnumerable<CataloguedPath> paths, long? version = null)
    {
        Paths = paths.ToList();
        Version = version ?? Paths.Count;
    }

    public static PathCatalogue Empty { get; } = new([]);

    public long Version { get; }

    public IReadOnlyList<CataloguedPath> Paths { get; }
}
