namespace Fkj.Cdr.Templates.Opt.Parsing;

/// <summary>
/// Which child elements an OPT schema type allows, and how often. Order is not checked: the schemas
/// fix a sequence, but tools differ in it and nothing depends on it; vocabulary and multiplicity are
/// what make an element "alien" or "twice".
/// </summary>
internal sealed class ContentModel
{
    public const int Unbounded = int.MaxValue;

    private readonly Dictionary<string, (int Min, int Max)> parts;

    public ContentModel(string typeName, params (string Name, int Min, int Max)[] parts)
    {
        TypeName = typeName;
        Parts = parts;
        this.parts = parts.ToDictionary(p => p.Name, p => (p.Min, p.Max), StringComparer.Ordinal);
    }

    /// <summary>The schema type's name, used in messages (e.g. <c>C_COMPLEX_OBJECT</c>).</summary>
    public string TypeName { get; }

    public IReadOnlyList<(string Name, int Min, int Max)> Parts { get; }

    public bool TryGet(string name, out (int Min, int Max) part) => parts.TryGetValue(name, out part);

    /// <summary>The same parts plus more, for a schema type that extends another.</summary>
    public ContentModel Extend(string typeName, params (string Name, int Min, int Max)[] more) =>
        new(typeName, [.. Parts, .. more]);
}
