using System.Globalization;
using Fkj.Cdr.Terminology.Ecl.Syntax;
using Fkj.Cdr.Terminology.Index;

namespace Fkj.Cdr.Terminology.Ecl.Evaluation;

public sealed partial class EclEvaluator
{
    /// <summary>The columns every reference set row has, which member filters may name as fields too.</summary>
    private static readonly string[] CommonFields = ["id", "effectiveTime", "active", "moduleId", "refsetId", "referencedComponentId"];

    /// <summary>
    /// <c>^ refset {{ M ... }}</c> and <c>^ [field] refset</c>: the members of the reference sets (active ones unless
    /// a member filter says <c>active</c>) that pass every member filter, and of each its referenced component, or
    /// the concept its one named field holds (<c>^ [targetComponentId] 900000000000527005</c>). Several fields or
    /// <c>[*]</c> ask for rows of values, which is not a concept set: that is refused.
    /// </summary>
    private int[] MemberOf(EclSubExpression sub)
    {
        var memberOf = sub.MemberOf!;
        if (memberOf.AllFields || memberOf.Fields.Count > 1)
        {
            throw new EclEvaluationException(
                $"^ [{(memberOf.AllFields ? "*" : string.Join(", ", memberOf.Fields))}] asks for rows of reference set fields, which are not a "
                + "concept set; the evaluator returns concepts, so name one field that holds concepts, as in ^ [targetComponentId]", memberOf.Span);
        }

        var field = memberOf.Fields.Count == 1 ? memberOf.Fields[0] : null;
        var refsets = (sub.Focus is EclConceptReference reference && _index.AllMembers.ContainsKey(reference.ConceptId)
            ? [reference.ConceptId]
            : Focus(sub.Focus).Select(c => _index.ConceptIds[c])).Where(_index.AllMembers.ContainsKey).ToArray();

        if (field is not null) RequireField(field, refsets, memberOf);
        var tests = new List<Func<SnomedRefsetMember, bool>>();
        var activeGiven = false;
        foreach (var constraint in sub.MemberFilters)
        {
            foreach (var filter in constraint.Filters)
            {
                if (filter is EclMemberFieldFilter named) RequireField(named.Field, refsets, named);
                var test = MemberTest(filter);
                activeGiven |= filter is EclActiveFilter;
                tests.Add(Operator(filter) == EclComparisonOperator.NotEqual ? m => !test(m) : test);
            }
        }

        var members = new List<int>();
        foreach (var refset in refsets)
        {
            foreach (var member in _index.AllMembers[refset])
            {
                if ((!activeGiven && !member.Active) || !tests.TrueForAll(t => t(member))) continue;
                long id;
                if (field is null)
                {
                    id = member.ReferencedComponentId;
                }
                else if (member.Field(field) is not { Length: > 0 } value)
                {
                    continue;
                }
                else if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out id))
                {
                    throw new EclEvaluationException(
                        $"field {field} of reference set {refset} holds \"{value}\", not a concept id: ^ [{field}] would return values that are not a "
                        + "concept set", memberOf.Span);
                }

                // Components that are not concepts (descriptions, relationships) have no place in a concept set.
                if (_index.ConceptIndex.TryGetValue(id, out var c)) members.Add(c);
            }
        }

        return Normalise(members);
    }

    private void RequireField(string field, long[] refsets, EclNode node)
    {
        if (Array.IndexOf(CommonFields, field) >= 0) return;
        var known = refsets.SelectMany(r => _index.AllMembers[r].Take(1)).SelectMany(m => m.FieldNames).Distinct().ToList();
        if (refsets.Length == 0 || known.Contains(field, StringComparer.Ordinal)) return;
        throw new EclEvaluationException(
            $"reference set {string.Join(", ", refsets)} has no field {field}; its fields are {string.Join(", ", CommonFields.Concat(known))}", node.Span);
    }

    /// <summary>One member filter as a test of "=" (the caller negates for "!=" where the filter's operator says so).</summary>
    private Func<SnomedRefsetMember, bool> MemberTest(EclFilter filter) => filter switch
    {
        EclActiveFilter active => active.Active is { } a ? m => m.Active == a : _ => true,
        EclModuleFilter module => IdSet(module.Modules) is var modules ? m => modules.Contains(m.ModuleId) : null!,
        EclEffectiveTimeFilter time => TimeTest(time.Operator, time.Times) is var t ? m => t(m.EffectiveTime) : null!,
        EclMemberFieldFilter named => FieldTest(named),
        _ => throw Unsupported(filter, "this member filter"),
    };

    private Func<SnomedRefsetMember, bool> FieldTest(EclMemberFieldFilter filter)
    {
        var name = filter.Field;
        var equal = filter.Comparison.Operator == EclComparisonOperator.Equal;
        switch (filter.Comparison)
        {
            case EclExpressionComparison expression:
            {
                var values = SortedSets.Bitmap(SubExpression(expression.Value), _index.ConceptCount);
                return m =>
                {
                    var inSet = long.TryParse(m.Field(name), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                                && _index.ConceptIndex.TryGetValue(id, out var c) && values[c];
                    return inSet == equal;
                };
            }

            case EclNumericComparison numeric:
                return m => m.Field(name) is { } text
                            && decimal.TryParse(text.TrimStart('#'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                            && CompareNumbers(value, numeric.Operator, numeric.Value);
            case EclStringComparison strings:
                return m => m.Field(name) is { } text && strings.Terms.Any(t => TermMatches(t, text)) == equal;
            case EclBooleanComparison boolean:
                return m => m.Field(name) switch
                {
                    "1" or "true" or "TRUE" or "True" => boolean.Value == equal,
                    "0" or "false" or "FALSE" or "False" => boolean.Value != equal,
                    _ => false,
                };
            case EclTimeComparison time:
            {
                var test = TimeTest(time.Operator, time.Times);
                return m => m.Field(name) is { } text && (text.Length == 0 ? test(0)
                    : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var t) && test(t));
            }

            default:
                throw Unsupported(filter.Comparison, "this kind of field comparison");
        }
    }

    private static bool CompareNumbers(decimal actual, EclComparisonOperator op, decimal wanted)
    {
        var order = actual.CompareTo(wanted);
        return op switch
        {
            EclComparisonOperator.Equal => order == 0,
            EclComparisonOperator.NotEqual => order != 0,
            EclComparisonOperator.LessThan => order < 0,
            EclComparisonOperator.LessThanOrEqual => order <= 0,
            EclComparisonOperator.GreaterThan => order > 0,
            _ => order >= 0,
        };
    }

    /// <summary>
    /// An effectiveTime comparison with all six operators. "=" holds when the time is one of those given, "!=" when it
    /// is none of them, an ordering when it holds against any of them. An empty time (<c>""</c>, stored as 0) is a row
    /// not yet released, which comes after every release.
    /// </summary>
    private static Func<int, bool> TimeTest(EclComparisonOperator op, IReadOnlyList<string> times)
    {
        var values = times.Select(t => t.Length == 0 ? 0 : int.Parse(t, NumberStyles.None, CultureInfo.InvariantCulture)).ToArray();
        static long Order(int time) => time == 0 ? long.MaxValue : time;
        return op switch
        {
            EclComparisonOperator.Equal => time => Array.IndexOf(values, time) >= 0,
            EclComparisonOperator.NotEqual => time => Array.IndexOf(values, time) < 0,
            EclComparisonOperator.LessThan => time => values.Any(v => Order(time) < Order(v)),
            EclComparisonOperator.LessThanOrEqual => time => values.Any(v => Order(time) <= Order(v)),
            EclComparisonOperator.GreaterThan => time => values.Any(v => Order(time) > Order(v)),
            _ => time => values.Any(v => Order(time) >= Order(v)),
        };
    }
}
