using System.Reflection;

namespace Fkj.Cdr.Rm.Meta;

/// <summary>
/// The registry of every RM type: lookup by specification name, and the resolved inheritance and
/// attribute types. Every RM class declares <c>public static readonly RmType Meta</c>; the registry
/// collects those once, at start-up, so adding a class to the RM needs no second edit here.
/// </summary>
public static class RmModel
{
    private static readonly Dictionary<string, RmType> ByName;
    private static readonly Dictionary<Type, RmType> ByClrType;
    private static readonly Dictionary<string, RmType>.AlternateLookup<ReadOnlySpan<char>> ByNameSpan;

    static RmModel()
    {
        ByClrType = [];
        foreach (var clr in typeof(RmObject).Assembly.GetTypes())
        {
            if (!clr.IsSubclassOf(typeof(RmObject))) continue;
            var field = clr.GetField("Meta", BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
                ?? throw new InvalidOperationException($"RM class {clr.Name} declares no static Meta descriptor");
            var type = (RmType)field.GetValue(null)!;
            if (type.ClrType != clr)
                throw new InvalidOperationException($"{clr.Name}.Meta describes {type.ClrType.Name}");
            ByClrType.Add(clr, type);
        }

        foreach (var type in ByClrType.Values)
        {
            ByClrType.TryGetValue(type.ClrType.BaseType!, out var parent);
            type.Link(parent);
            foreach (var attribute in type.OwnAttributes)
            {
                if (attribute.ValueClrType is { } valueClr)
                    attribute.ValueType = ByClrType.TryGetValue(valueClr, out var v)
                        ? v
                        : throw new InvalidOperationException($"{attribute} refers to {valueClr.Name}, which is not an RM type");
            }
        }

        var sealedTypes = new HashSet<RmType>();
        foreach (var type in ByClrType.Values) SealParentFirst(type, sealedTypes);

        ByName = ByClrType.Values.ToDictionary(t => t.Name, StringComparer.Ordinal);
        ByNameSpan = ByName.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static IEnumerable<RmType> Types => ByName.Values;

    /// <summary>Looks a type up by name; generic parameters (<c>DV_INTERVAL&lt;DV_COUNT&gt;</c>) are ignored.</summary>
    public static RmType? Find(ReadOnlySpan<char> name)
    {
        var generic = name.IndexOf('<');
        if (generic >= 0) name = name[..generic].TrimEnd();
        return ByNameSpan.TryGetValue(name, out var type) ? type : null;
    }

    public static RmType Get(string name) =>
        Find(name) ?? throw new KeyNotFoundException($"No RM type {name}");

    public static RmType Of<T>() where T : RmObject => ByClrType[typeof(T)];

    private static void SealParentFirst(RmType type, HashSet<RmType> done)
    {
        if (done.Contains(type)) return;
        if (type.Parent is not null) SealParentFirst(type.Parent, done);
        type.Seal();
        done.Add(type);
    }
}
