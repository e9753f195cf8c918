using Fkj.Cdr.Terminology.Ecl.Syntax;

namespace Fkj.Cdr.Terminology.Ecl.Evaluation;

public sealed partial class EclEvaluator
{
    /// <summary>For a group of reversed attributes: per target, the (source, group) pairs that point at it.</summary>
    private readonly Dictionary<EclAttributeGroup, Dictionary<int, List<(int Source, int Group)>>> _reversedGroups =
        new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// True when every attribute of the group is reversed. A group is a relationship group of one concept; reversed,
    /// that concept is the source, so <c>{ R a = X, R b = Y }</c> asks for a group of a source in X and Y whose
    /// a and b relationships both point at the candidate. A group mixing reversed and forward attributes would
    /// need one group of two concepts at once, which has no meaning.
    /// </summary>
    private bool Reversed(EclAttributeGroup group)
    {
        var attributes = Attributes(group.Attributes).ToList();
        var reversed = attributes.Count(a => a.Reverse);
        if (reversed == 0) return false;
        if (reversed < attributes.Count)
        {
            throw new EclEvaluationException(
                "an attribute group mixes reversed (R) and forward attributes: a group belongs to one concept, the source of reversed "
                + "attributes and the candidate of forward ones, so reverse all of them or none", group.Span);
        }

        return true;
    }

    private static IEnumerable<EclAttribute> Attributes(EclRefinement refinement) => refinement switch
    {
        EclAttribute attribute => [attribute],
        EclRefinementConjunction and => and.Items.SelectMany(Attributes),
        EclRefinementDisjunction or => or.Items.SelectMany(Attributes),
        EclAttributeGroup nested => Attributes(nested.Attributes),
        _ => [],
    };

    /// <summary>How many (source, group) pairs pointing at <paramref name="c"/> satisfy the group's attributes.</summary>
    private int ReversedGroupCount(EclAttributeGroup group, int c)
    {
        if (!_reversedGroups.TryGetValue(group, out var byTarget))
        {
            byTarget = ReversedGroupSources(group);
            _reversedGroups[group] = byTarget;
        }

        if (!byTarget.TryGetValue(c, out var pairs)) return 0;
        var relationships = new List<Relationship>();
        var count = 0;
        var loaded = -1;
        foreach (var (source, g) in pairs)
        {
            if (loaded != source)
            {
                LoadRelationships(source, relationships);
                loaded = source;
            }

            if (HoldsReversed(group.Attributes, source, g, c, relationships)) count++;
        }

        return count;
    }

    private Dictionary<int, List<(int Source, int Group)>> ReversedGroupSources(EclAttributeGroup group)
    {
        var attributes = Attributes(group.Attributes).ToList();
        var lookups = attributes.Select(Lookup).ToList();
        // With != a source outside the value set may be the one that counts.
        var anySource = attributes.Exists(a => a.Comparison.Operator != EclComparisonOperator.Equal);
        var byTarget = new Dictionary<int, List<(int Source, int Group)>>();
        var relationships = new List<Relationship>();
        var seen = new HashSet<(int, int, int)>();
        for (var s = 0; s < _index.ConceptCount; s++)
        {
            if (!anySource && !lookups.Exists(l => l.Values![s])) continue;
            LoadRelationships(s, relationships);
            foreach (var r in relationships)
            {
                if (r.Destination < 0 || !lookups.Exists(l => l.Types is null || l.Types.Contains(r.Type))) continue;
                if (!seen.Add((r.Destination, s, r.Group))) continue;
                if (!byTarget.TryGetValue(r.Destination, out var list)) byTarget[r.Destination] = list = [];
                list.Add((s, r.Group));
            }
        }

        return byTarget;
    }

    private bool HoldsReversed(EclRefinement refinement, int source, int group, int target, List<Relationship> relationships) => refinement switch
    {
        EclRefinementConjunction and => and.Items.All(r => HoldsReversed(r, source, group, target, relationships)),
        EclRefinementDisjunction or => or.Items.Any(r => HoldsReversed(r, source, group, target, relationships)),
        EclAttribute attribute => InRange(attribute.Cardinality, ReversedCount(attribute, source, group, target, relationships)),
        _ => throw Unsupported(refinement, "attribute groups nested in a group of reversed attributes"),
    };

    /// <summary>The source's relationships in the group that point at the target through the attribute, when the source is in its value set.</summary>
    private int ReversedCount(EclAttribute attribute, int source, int group, int target, List<Relationship> relationships)
    {
        var lookup = Lookup(attribute);
        if (lookup.Values![source] != (attribute.Comparison.Operator == EclComparisonOperator.Equal)) return 0;
        var count = 0;
        foreach (var r in relationships)
        {
            if (r.Group == group && r.Destination == target && (lookup.Types is null || lookup.Types.Contains(r.Type))) count++;
        }

        return count;
    }
}
