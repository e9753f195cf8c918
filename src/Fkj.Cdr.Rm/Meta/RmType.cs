using System.Text;
using System.Text.Json;

namespace Fkj.Cdr.Rm.Meta;

/// <summary>
/// Descriptor of one RM class: its specification name, its place in the inheritance tree and its
/// attributes in specification order (inherited ones first). The order matters: the XML schema
/// demands it, and the JSON writer follows it so that output is stable.
/// </summary>
public sealed class RmType
{
    private readonly List<RmAttribute> ownAttributes = [];
    private RmAttribute[] attributes = [];
    private readonly Func<RmObject>? factory;

    internal RmType(string name, Type clrType, Func<RmObject>? factory)
    {
        Name = name;
        Utf8Name = Encoding.UTF8.GetBytes(name);
        JsonName = JsonEncodedText.Encode(name);
        ClrType = clrType;
        this.factory = factory;
    }

    /// <summary>The upper-case name used by the specifications and as <c>_type</c>/<c>xsi:type</c>.</summary>
    public string Name { get; }

    public byte[] Utf8Name { get; }

    public JsonEncodedText JsonName { get; }

    public Type ClrType { get; }

    public bool IsAbstract => factory is null;

    public RmType? Parent { get; private set; }

    /// <summary>Every attribute, inherited ones first, in specification order.</summary>
    public IReadOnlyList<RmAttribute> Attributes => attributes;

    /// <summary>The same attributes as a span, for hot loops that must not box an enumerator.</summary>
    public ReadOnlySpan<RmAttribute> AttributeSpan => attributes;

    internal IReadOnlyList<RmAttribute> OwnAttributes => ownAttributes;

    public RmObject Create() =>
        factory is null ? throw new InvalidOperationException($"{Name} is abstract") : factory();

    public bool IsSubtypeOf(RmType other)
    {
        for (var t = this; t is not null; t = t.Parent)
        {
            if (ReferenceEquals(t, other)) return true;
        }

        return false;
    }

    public RmAttribute? FindAttribute(string name)
    {
        foreach (var a in attributes)
        {
            if (a.Name == name) return a;
        }

        return null;
    }

    public static RmTypeBuilder<T> Concrete<T>(string name, Func<T> factory) where T : RmObject =>
        new(new RmType(name, typeof(T), factory));

    public static RmTypeBuilder<T> Abstract<T>(string name) where T : RmObject =>
        new(new RmType(name, typeof(T), null));

    internal void AddOwn(RmAttribute attribute)
    {
        attribute.DeclaringType = this;
        ownAttributes.Add(attribute);
    }

    internal void Link(RmType? parent)
    {
        Parent = parent;
    }

    /// <summary>Computes the full attribute list; called parent-first by <see cref="RmModel"/>.</summary>
    internal void Seal()
    {
        var own = ownAttributes.Select(a => a.Name).ToHashSet();
        var inherited = Parent?.attributes.Where(a => !own.Contains(a.Name)) ?? [];
        attributes = [.. inherited, .. ownAttributes];
    }

    public override string ToString() => Name;
}
