using System.Text;

namespace Fkj.Cdr.Templates.WebTemplates.Building;

/// <summary>
/// An AQL path as the web template writes it: attribute names with an optional at-code or archetype
/// id and an optional name predicate, e.g. <c>/content[openEHR-EHR-SECTION.adhoc.v1 and name/value='Symptome']</c>.
/// The empty path is the template root. Immutable; compared with or without name predicates.
/// </summary>
internal sealed class AqlPath : IEquatable<AqlPath>
{
    public static readonly AqlPath Empty = new([]);

    private readonly Segment[] segments;
    private string? withNames;
    private string? withoutNames;

    private AqlPath(Segment[] segments) => this.segments = segments;

    public int Count => segments.Length;

    public Segment Last => segments[^1];

    public Segment this[int index] => segments[index];

    public AqlPath Add(string attribute) => new([.. segments, new Segment(attribute, null, null)]);

    public AqlPath Add(AqlPath relative) => relative.Count == 0 ? this : new([.. segments, .. relative.segments]);

    /// <summary>The path with the last segment's at-code (or archetype id) set, as the SDK does for an archetyped child.</summary>
    public AqlPath WithLastNodeId(string nodeId) =>
        Count == 0 || Last.NodeId == nodeId ? this : Replace(Last with { NodeId = nodeId });

    public AqlPath WithLastName(string? name) =>
        Count == 0 || Last.Name == name ? this : Replace(Last with { Name = name });

    public bool StartsWith(AqlPath other)
    {
        if (other.Count > Count) return false;
        for (var i = 0; i < other.Count; i++)
        {
            if (segments[i] != other.segments[i]) return false;
        }

        return true;
    }

    /// <summary>The rest of this path after <paramref name="prefix"/>, or the whole path if it does not start so.</summary>
    public AqlPath RemoveStart(AqlPath prefix) =>
        prefix.Count > 0 && StartsWith(prefix) ? new AqlPath(segments[prefix.Count..]) : this;

    public string Format(bool withNames) => withNames
        ? this.withNames ??= Build(true)
        : withoutNames ??= Build(false);

    public override string ToString() => Format(true);

    public bool Equals(AqlPath? other) => Equals(other, true);

    public bool Equals(AqlPath? other, bool withNames)
    {
        if (other is null || other.Count != Count) return false;
        for (var i = 0; i < Count; i++)
        {
            var a = segments[i];
            var b = other.segments[i];
            if (a.Attribute != b.Attribute || a.NodeId != b.NodeId || (withNames && a.Name != b.Name)) return false;
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is AqlPath other && Equals(other);

    public override int GetHashCode() => Format(true).GetHashCode(StringComparison.Ordinal);

    private AqlPath Replace(Segment last)
    {
        var copy = (Segment[])segments.Clone();
        copy[^1] = last;
        return new AqlPath(copy);
    }

    private string Build(bool names)
    {
        if (segments.Length == 0) return "";
        var text = new StringBuilder();
        foreach (var segment in segments)
        {
            text.Append('/').Append(segment.Attribute);
            var name = names ? segment.Name : null;
            if (segment.NodeId is null && name is null) continue;
            text.Append('[');
            if (segment.NodeId is not null) text.Append(segment.NodeId);
            if (name is not null)
            {
                if (segment.NodeId is not null) text.Append(" and ");
                text.Append("name/value='").Append(name.Replace("\\", "\\\\").Replace("'", "\\'")).Append('\'');
            }

            text.Append(']');
        }

        return text.ToString();
    }

    /// <summary>One step: the attribute, the node id predicate and the name predicate.</summary>
    public readonly record struct Segment(string Attribute, string? NodeId, string? Name);
}
