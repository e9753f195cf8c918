using System.Collections;
using System.Text;
using System.Text.Json;

namespace Fkj.Cdr.Rm.Meta;

/// <summary>
/// One attribute of an RM type, with typed accessors. Primitive attributes use the accessor of their
/// <see cref="Kind"/>; object and list attributes carry the CLR type of their declared RM type, which
/// <see cref="RmModel"/> resolves to <see cref="ValueType"/> once every type is registered (the RM has
/// cycles, such as DV_TEXT → TERM_MAPPING → DV_CODED_TEXT → DV_TEXT, so it cannot be done eagerly).
/// </summary>
public sealed class RmAttribute
{
    internal RmAttribute(string name, RmAttributeKind kind, bool isRequired, Type? valueClrType)
    {
        Name = name;
        Utf8Name = Encoding.UTF8.GetBytes(name);
        JsonName = JsonEncodedText.Encode(name);
        Kind = kind;
        IsRequired = isRequired;
        ValueClrType = valueClrType;
    }

    /// <summary>The attribute name as the specification and the wire formats spell it, e.g. <c>archetype_node_id</c>.</summary>
    public string Name { get; }

    public byte[] Utf8Name { get; }

    /// <summary>The name pre-encoded for Utf8JsonWriter, so writing a property costs no escaping.</summary>
    public JsonEncodedText JsonName { get; }

    public RmAttributeKind Kind { get; }

    /// <summary>True where the RM says the attribute is mandatory (multiplicity 1..1, or 1..* for lists).</summary>
    public bool IsRequired { get; }

    public bool IsList => Kind == RmAttributeKind.List;

    /// <summary>The RM type declared for an object attribute, or for the items of a list attribute.</summary>
    public RmType? ValueType { get; internal set; }

    /// <summary>The type that declares this attribute; set when the attribute is added to it.</summary>
    public RmType DeclaringType { get; internal set; } = null!;

    internal Type? ValueClrType { get; }

    public Func<RmObject, string?>? GetText { get; internal init; }
    public Action<RmObject, string>? SetText { get; internal init; }
    public Func<RmObject, bool?>? GetBoolean { get; internal init; }
    public Action<RmObject, bool>? SetBoolean { get; internal init; }
    public Func<RmObject, long?>? GetInteger { get; internal init; }
    public Action<RmObject, long>? SetInteger { get; internal init; }
    public Func<RmObject, double?>? GetReal { get; internal init; }
    public Action<RmObject, double>? SetReal { get; internal init; }
    public Func<RmObject, RmObject?>? GetObject { get; internal init; }
    public Action<RmObject, RmObject>? SetObject { get; internal init; }
    public Func<RmObject, IList?>? GetList { get; internal init; }
    public Action<RmObject, IList>? SetList { get; internal init; }

    /// <summary>Creates an empty list of the attribute's CLR item type, for a reader to fill.</summary>
    public Func<IList>? NewList { get; internal init; }

    /// <summary>
    /// True when the integer value fits the attribute: RM <c>Integer</c> attributes are 32-bit, while
    /// <c>Integer64</c> ones take any long.
    /// </summary>
    public bool Is32Bit { get; internal init; }

    public override string ToString() => $"{DeclaringType?.Name}.{Name}";
}
