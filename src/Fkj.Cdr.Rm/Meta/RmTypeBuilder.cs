using System.Collections;

namespace Fkj.Cdr.Rm.Meta;

/// <summary>
/// Fluent declaration of an RM type's own attributes with typed accessors, so each RM class states
/// its metadata next to its properties. Setters take values that the codecs have already checked.
/// </summary>
public sealed class RmTypeBuilder<T> where T : RmObject
{
    private readonly RmType type;

    internal RmTypeBuilder(RmType type) => this.type = type;

    public static implicit operator RmType(RmTypeBuilder<T> builder) => builder.type;

    public RmTypeBuilder<T> Text(string name, Func<T, string?> get, Action<T, string> set, bool required = false) =>
        Add(new RmAttribute(name, RmAttributeKind.Text, required, null)
        {
            GetText = o => get((T)o),
            SetText = (o, v) => set((T)o, v),
        });

    public RmTypeBuilder<T> Boolean(string name, Func<T, bool?> get, Action<T, bool> set, bool required = false) =>
        Add(new RmAttribute(name, RmAttributeKind.Boolean, required, null)
        {
            GetBoolean = o => get((T)o),
            SetBoolean = (o, v) => set((T)o, v),
        });

    /// <summary>An RM <c>Integer</c> (32-bit).</summary>
    public RmTypeBuilder<T> Integer(string name, Func<T, int?> get, Action<T, int> set, bool required = false) =>
        Add(new RmAttribute(name, RmAttributeKind.Integer, required, null)
        {
            GetInteger = o => get((T)o),
            SetInteger = (o, v) => set((T)o, checked((int)v)),
            Is32Bit = true,
        });

    /// <summary>An RM <c>Integer64</c>.</summary>
    public RmTypeBuilder<T> Integer64(string name, Func<T, long?> get, Action<T, long> set, bool required = false) =>
        Add(new RmAttribute(name, RmAttributeKind.Integer, required, null)
        {
            GetInteger = o => get((T)o),
            SetInteger = (o, v) => set((T)o, v),
        });

    public RmTypeBuilder<T> Real(string name, Func<T, double?> get, Action<T, double> set, bool required = false) =>
        Add(new RmAttribute(name, RmAttributeKind.Real, required, null)
        {
            GetReal = o => get((T)o),
            SetReal = (o, v) => set((T)o, v),
        });

    /// <summary>A single RM object whose declared type is <typeparamref name="TValue"/>.</summary>
    public RmTypeBuilder<T> Object<TValue>(string name, Func<T, TValue?> get, Action<T, TValue> set, bool required = false)
        where TValue : RmObject =>
        Add(new RmAttribute(name, RmAttributeKind.Object, required, typeof(TValue))
        {
            GetObject = o => get((T)o),
            SetObject = (o, v) => set((T)o, (TValue)v),
        });

    /// <summary>A list (RM List or Set) of objects whose declared item type is <typeparamref name="TItem"/>.</summary>
    public RmTypeBuilder<T> List<TItem>(string name, Func<T, List<TItem>?> get, Action<T, List<TItem>> set, bool required = false)
        where TItem : RmObject =>
        Add(new RmAttribute(name, RmAttributeKind.List, required, typeof(TItem))
        {
            GetList = o => get((T)o),
            SetList = (o, v) => set((T)o, (List<TItem>)v),
            NewList = () => new List<TItem>(),
        });

    private RmTypeBuilder<T> Add(RmAttribute attribute)
    {
        type.AddOwn(attribute);
        return this;
    }
}
