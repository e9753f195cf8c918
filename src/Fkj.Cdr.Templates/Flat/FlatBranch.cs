namespace Fkj.Cdr.Templates.Flat;

/// <summary>A sub-path that is not a web template node: <c>_feeder_audit</c>, <c>_link:1</c>, <c>relationship</c>.</summary>
internal sealed class FlatBranch(FlatBag parent, string name, int index) : FlatBag
{
    public FlatBag Parent { get; } = parent;

    public string Name { get; } = name;

    /// <summary>The <c>:index</c>; 0 where the key gives none.</summary>
    public int Index { get; } = index;

    public override string Path => $"{Parent.Path}/{Name}{(Index > 0 ? $":{Index}" : "")}";
}
