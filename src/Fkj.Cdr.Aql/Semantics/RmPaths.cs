using Fkj.Cdr.Aql.Syntax;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Aql.Semantics;

/// <summary>
/// Follows a path through the RM metadata: from a type (or any of its subtypes, since a path may name the
/// attributes of a subtype, as <c>value/magnitude</c> below ELEMENT's DATA_VALUE does) step by step, so that an
/// attribute no possible type has is reported at its place instead of silently matching nothing.
/// </summary>
public static class RmPaths
{
    private static readonly Dictionary<RmType, RmType[]> Subtypes = BuildSubtypes();

    public static readonly RmType Locatable = RmModel.Get("LOCATABLE");
    public static readonly RmType Pathable = RmModel.Get("PATHABLE");
    public static readonly RmType DataValue = RmModel.Get("DATA_VALUE");

    /// <summary>The type and its subtypes.</summary>
    public static IReadOnlyList<RmType> WithSubtypes(RmType type) => Subtypes[type];

    /// <summary>
    /// The types a path can reach from <paramref name="start"/>; empty when it ends at a primitive (a string, a
    /// number). Throws <see cref="AqlSemanticException"/> at the first part no possible type has.
    /// </summary>
    public static IReadOnlyList<RmType> Follow(RmType start, IReadOnlyList<PathPart> parts, int from = 0)
    {
        if (from != 0 || parts.Count == 0) return FollowUncached(start, parts, from);
        // The RM does not change: a path that follows is remembered (one that does not throws, and is not).
        var key = (start, Attributes(parts));
        if (FollowCache.TryGetValue(key, out var types)) return types;
        types = FollowUncached(start, parts, 0);
        if (FollowCache.Count >= MaxCached) FollowCache.Clear();
        FollowCache[key] = types;
        return types;
    }

    private const int MaxCached = 8192;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(RmType, string), IReadOnlyList<RmType>> FollowCache = new();

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(RmType, string), RmAttributeKind?> KindCache = new();

    private static string Attributes(IReadOnlyList<PathPart> parts) => parts.Count == 1 ? parts[0].Attribute : string.Join('/', parts.Select(p => p.Attribute));

    private static IReadOnlyList<RmType> FollowUncached(RmType start, IReadOnlyList<PathPart> parts, int from)
    {
        IReadOnlyList<RmType> current = WithSubtypes(start);
        for (var i = from; i < parts.Count; i++)
        {
            var part = parts[i];
            if (current.Count == 0)
            {
                throw new AqlSemanticException($"'{part.Attribute}' follows a value that has no attributes.", part.Span);
            }
            var next = new HashSet<RmType>();
            var found = false;
            foreach (var type in current)
            {
                if (type.FindAttribute(part.Attribute) is not { } attribute) continue;
                found = true;
                if (attribute.ValueType is { } valueType)
                {
                    foreach (var t in WithSubtypes(valueType)) next.Add(t);
                }
            }
            if (!found)
            {
                throw new AqlSemanticException(
                    $"'{part.Attribute}' is not an attribute of {Describe(current)}.", part.Span);
            }
            current = next.ToList();
        }
        return current;
    }

    /// <summary>
    /// The kind of the attribute a path ends at (a text, a number, an object), as the first possible type declares it;
    /// null for the empty path. The path must follow (see <see cref="Follow"/>).
    /// </summary>
    public static RmAttributeKind? LastAttributeKind(RmType start, IReadOnlyList<PathPart> parts)
    {
        if (parts.Count == 0) return null;
        var key = (start, Attributes(parts));
        if (KindCache.TryGetValue(key, out var cached)) return cached;
        var types = parts.Count == 1 ? WithSubtypes(start) : Follow(start, parts.Take(parts.Count - 1).ToList());
        var last = parts[^1].Attribute;
        // Where the possible types disagree (a DATA_VALUE's value is a text, a boolean, a number...), a text.
        var kinds = types.Select(t => t.FindAttribute(last)).Where(a => a is not null).Select(a => a!.Kind).Distinct().ToList();
        RmAttributeKind? kind = kinds.Count switch
        {
            0 => null,
            1 => kinds[0],
            _ => kinds.Contains(RmAttributeKind.Text) ? RmAttributeKind.Text : kinds[0],
        };
        if (KindCache.Count >= MaxCached) KindCache.Clear();
        KindCache[key] = kind;
        return kind;
    }

    /// <summary>
    /// Whether the query index walks into this attribute: the extractor follows LOCATABLEs, data values and the
    /// PATHABLE parts between them, and leaves out LOCATABLE's own attributes and everything else.
    /// </summary>
    public static bool IsIndexed(RmAttribute attribute)
    {
        if (ReferenceEquals(attribute.DeclaringType, Locatable) || attribute.ValueType is not { } type) return false;
        return WithSubtypes(type).Any(t => t.IsSubtypeOf(Locatable) || t.IsSubtypeOf(DataValue) || t.IsSubtypeOf(Pathable));
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(RmType, string), bool> IndexedCache = new();

    /// <summary>Whether <paramref name="attribute"/> of any of the types is indexed (false when none has it).</summary>
    public static bool IsIndexed(RmType type, string attribute) =>
        IndexedCache.GetOrAdd((type, attribute), static key =>
            WithSubtypes(key.Item1).Select(t => t.FindAttribute(key.Item2)).Any(a => a is not null && IsIndexed(a)));

    private static string Describe(IReadOnlyList<RmType> types)
    {
        var concrete = types.Where(t => !t.IsAbstract).Select(t => t.Name).Distinct().ToList();
        if (concrete.Count == 0) concrete = types.Select(t => t.Name).ToList();
        return concrete.Count <= 4 ? string.Join(", ", concrete) : $"{string.Join(", ", concrete.Take(4))} or any other of {concrete.Count} types";
    }

    private static Dictionary<RmType, RmType[]> BuildSubtypes()
    {
        var all = RmModel.Types.ToList();
        return all.ToDictionary(t => t, t =>
        {
            var list = all.Where(s => s.IsSubtypeOf(t)).ToList();
            // The type itself first, so that descriptions and look-ups prefer it.
            list.Remove(t);
            list.Insert(0, t);
            return list.ToArray();
        });
    }
}
