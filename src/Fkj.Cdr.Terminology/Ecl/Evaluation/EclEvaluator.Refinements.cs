using System.Globalization;
using Fkj.Cdr.Terminology.Ecl.Syntax;
using Fkj.Cdr.Terminology.Rf2;

namespace Fkj.Cdr.Terminology.Ecl.Evaluation;

public sealed partial class EclEvaluator
{
    /// <summary>One relationship of the concept being tested: an IS-A, an attribute or a concrete value.</summary>
    private readonly record struct Relationship(long Type, int Destination, string? Concrete, int Group);

    /// <summary>What an attribute constraint needs, worked out once per evaluation: its types and its value set.</summary>
    private sealed class AttributeLookup
    {
        public HashSet<long>? Types; // null: any type (*)
        public bool[]? Values;
        public Dictionary<int, int>? ReverseCounts;
    }

    private readonly Dictionary<EclAttribute, AttributeLookup> _lookups = new(ReferenceEqualityComparer.Instance);

    private int[] Refined(EclRefinedExpression refined)
    {
        var focus = SubExpression(refined.Focus);
        if (!HasGroups(refined.Refinement))
        {
            // Without groups the index's own arrays are read in place; no per-concept list is built.
            return Array.FindAll(focus, c => Holds(refined.Refinement, c, null, null));
        }

        var relationships = new List<Relationship>();
        return Array.FindAll(focus, c =>
        {
            LoadRelationships(c, relationships);
            return Holds(refined.Refinement, c, relationships, null);
        });
    }

    private void LoadRelationships(int c, List<Relationship> into)
    {
        into.Clear();
        // Ungrouped relationships each count as a group of their own (negative keys keep them apart).
        var ungrouped = -1;
        foreach (var p in _index.ParentsOf[c]) into.Add(new Relationship(SnomedIds.IsA, p, null, ungrouped--));
        for (var i = _index.AttributeStart[c]; i < _index.AttributeStart[c + 1]; i++)
        {
            var group = _index.AttributeGroups[i];
            into.Add(new Relationship(_index.AttributeTypes[i], _index.AttributeDestinations[i], null, group == 0 ? ungrouped-- : group));
        }

        if (_index.Concrete.TryGetValue(c, out var values))
        {
            foreach (var v in values) into.Add(new Relationship(v.TypeId, -1, v.Value, v.Group == 0 ? ungrouped-- : v.Group));
        }
    }

    private static bool HasGroups(EclRefinement refinement) => refinement switch
    {
        EclAttributeGroup => true,
        EclRefinementConjunction and => and.Items.Any(HasGroups),
        EclRefinementDisjunction or => or.Items.Any(HasGroups),
        _ => false,
    };

    private bool Holds(EclRefinement refinement, int c, List<Relationship>? relationships, int? group) => refinement switch
    {
        EclRefinementConjunction and => and.Items.All(r => Holds(r, c, relationships, group)),
        EclRefinementDisjunction or => or.Items.Any(r => Holds(r, c, relationships, group)),
        EclAttribute attribute => InRange(attribute.Cardinality, Count(attribute, c, relationships, group)),
        EclAttributeGroup attributeGroup when Reversed(attributeGroup) => InRange(attributeGroup.Cardinality, ReversedGroupCount(attributeGroup, c)),
        EclAttributeGroup attributeGroup => InRange(attributeGroup.Cardinality, relationships!
            .Select(r => r.Group).Distinct()
            .Count(g => Holds(attributeGroup.Attributes, c, relationships, g))),
        _ => throw Unsupported(refinement, "this kind of refinement"),
    };

    private static bool InRange(EclCardinality? cardinality, int count) =>
        cardinality is null ? count >= 1 : count >= cardinality.Min && (cardinality.Max is not { } max || count <= max);

    private int Count(EclAttribute attribute, int c, List<Relationship> relationships, int? group)
    {
        var lookup = Lookup(attribute);
        if (attribute.Reverse)
        {
            return lookup.ReverseCounts!.GetValueOrDefault(c);
        }

        if (relationships is null)
        {
            return CountInPlace(attribute.Comparison, lookup, c);
        }

        var count = 0;
        foreach (var r in relationships)
        {
            if ((group is null || r.Group == group) && (lookup.Types is null || lookup.Types.Contains(r.Type))
                && Matches(attribute.Comparison, lookup, r))
            {
                count++;
            }
        }

        return count;
    }

    private int CountInPlace(EclComparison comparison, AttributeLookup lookup, int c)
    {
        var count = 0;
        if (comparison is EclExpressionComparison)
        {
            var equal = comparison.Operator == EclComparisonOperator.Equal;
            var values = lookup.Values!;
            if (lookup.Types is null || lookup.Types.Contains(SnomedIds.IsA))
            {
                foreach (var p in _index.ParentsOf[c]) if (values[p] == equal) count++;
            }

            var types = _index.AttributeTypes;
            var destinations = _index.AttributeDestinations;
            for (var i = _index.AttributeStart[c]; i < _index.AttributeStart[c + 1]; i++)
            {
                if (values[destinations[i]] == equal && (lookup.Types is null || lookup.Types.Contains(types[i]))) count++;
            }

            return count;
        }

        if (_index.Concrete.TryGetValue(c, out var concrete))
        {
            foreach (var v in concrete)
            {
                if ((lookup.Types is null || lookup.Types.Contains(v.TypeId)) && Matches(comparison, lookup, new Relationship(v.TypeId, -1, v.Value, v.Group))) count++;
            }
        }

        return count;
    }

    private AttributeLookup Lookup(EclAttribute attribute)
    {
        if (_lookups.TryGetValue(attribute, out var lookup)) return lookup;
        lookup = new AttributeLookup { Types = Types(attribute.Name) };
        if (attribute.Comparison is EclExpressionComparison expression)
        {
            lookup.Values = SortedSets.Bitmap(SubExpression(expression.Value), _index.ConceptCount);
        }
        else if (attribute.Reverse)
        {
            throw Unsupported(attribute.Comparison, "reversed attributes with concrete values");
        }

        if (attribute.Reverse)
        {
            // R attr = V: count, per target, the members of V that point at it through attr.
            var counts = new Dictionary<int, int>();
            var relationships = new List<Relationship>();
            for (var s = 0; s < _index.ConceptCount; s++)
            {
                if (!lookup.Values![s]) continue;
                LoadRelationships(s, relationships);
                foreach (var r in relationships)
                {
                    if (r.Destination >= 0 && (lookup.Types is null || lookup.Types.Contains(r.Type)))
                    {
                        counts[r.Destination] = counts.GetValueOrDefault(r.Destination) + 1;
                    }
                }
            }

            lookup.ReverseCounts = counts;
        }

        _lookups[attribute] = lookup;
        return lookup;
    }

    private HashSet<long>? Types(EclSubExpression name) =>
        name is { Operator: null, MemberOf: null, Focus: EclWildcard, Filters.Count: 0 }
            ? null
            : SubExpression(name).Select(t => _index.ConceptIds[t]).ToHashSet();

    private static bool Matches(EclComparison comparison, AttributeLookup lookup, Relationship r)
    {
        switch (comparison)
        {
            case EclExpressionComparison:
                return r.Destination >= 0 && lookup.Values![r.Destination] == (comparison.Operator == EclComparisonOperator.Equal);
            case EclNumericComparison numeric:
                if (r.Concrete is not ['#', ..] text
                    || !decimal.TryParse(text.AsSpan(1), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    return false;
                }

                var order = value.CompareTo(numeric.Value);
                return numeric.Operator switch
                {
                    EclComparisonOperator.Equal => order == 0,
                    EclComparisonOperator.NotEqual => order != 0,
                    EclComparisonOperator.LessThan => order < 0,
                    EclComparisonOperator.LessThanOrEqual => order <= 0,
                    EclComparisonOperator.GreaterThan => order > 0,
                    _ => order >= 0,
                };
            case EclStringComparison strings:
                if (r.Concrete is not ['"', .., '"'] quoted) return false;
                var matched = strings.Terms.Any(t => TermMatches(t, quoted[1..^1]));
                return matched == (strings.Operator == EclComparisonOperator.Equal);
            case EclBooleanComparison boolean:
                if (!bool.TryParse(r.Concrete, out var flag)) return false;
                return (flag == boolean.Value) == (boolean.Operator == EclComparisonOperator.Equal);
            default:
                return false;
        }
    }

    private int[] Dotted(EclDottedExpression dotted)
    {
        var current = SubExpression(dotted.Source);
        var relationships = new List<Relationship>();
        foreach (var attribute in dotted.Attributes)
        {
            var types = Types(attribute);
            var next = new List<int>();
            foreach (var c in current)
            {
                LoadRelationships(c, relationships);
                foreach (var r in relationships)
                {
                    if (r.Destination >= 0 && (types is null || types.Contains(r.Type))) next.Add(r.Destination);
                }
            }

            current = Normalise(next);
        }

        return current;
    }
}
