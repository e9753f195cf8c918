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
        : this(typeName, false, parts)
    {
    }

    private ContentModel(string typeName, bool unknownIsWarning, (string Name, int Min, int Max)[] parts)
    {
        TypeName = typeName;
        UnknownIsWarning = unknownIsWarning;
        Parts = parts;
        this.parts = parts.ToDictionary(p => p.Name, p => (p.Min, p.Max), StringComparer.Ordinal);
    }

    /// <summary>The schema type's name, used in messages (e.g. <c>C_COMPLEX_OBJECT</c>).</summary>
    public string TypeName { get; }

    public IReadOnlyList<(string Name, int Min, int Max)> Parts { get; }

    /// <summary>
    /// True for constraint nodes: an unknown element there is dropped with a warning instead of
    /// failing the template. Dropping a constraint can only make the template more permissive, never
    /// reject data it was meant to accept, and template tools (and hand edits) leave such elements.
    /// </summary>
    public bool UnknownIsWarning { get; }

    /// <summary>The same model, with unknown elements reported as warnings.</summary>
    public ContentModel Lenient() => new(TypeName, true, [.. Parts]);

    public bool TryGet(string name, out (int Min, int Max) part) => parts.TryGetValue(name, out part);

    /// <summary>The same parts plus more, for a schema type that extends another.</summary>
    public ContentModel Extend(string typeName, params (string Name, int Min, int Max)[] more) =>
        new(typeName, UnknownIsWarning, [.. Parts, .. more]);
}
