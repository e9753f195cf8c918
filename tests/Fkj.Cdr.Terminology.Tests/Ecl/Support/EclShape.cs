using System.Globalization;
using System.Text;
using Fkj.Cdr.Terminology.Ecl.Syntax;

namespace Fkj.Cdr.Terminology.Tests.Ecl.Support;

/// <summary>
/// A compact rendering of a syntax tree that spells its structure out, so a test can state the tree it
/// expects from reading the expression: <c>refine(&lt;404684003, 363698007=&lt;&lt;39057004)</c>.
/// Sub-expressions are written without spaces and without terms (<c>&lt;&lt;^[*]123456(...)</c>);
/// compounds are <c>and(..)</c>, <c>or(..)</c>, <c>minus(..)</c>, <c>dot(source, attribute, ..)</c>;
/// refinements <c>all(..)</c>, <c>any(..)</c>, <c>group[card](..)</c> and attributes <c>[card]R name op value</c>;
/// filter constraints <c>{D ..; ..}</c>, <c>{C ..}</c>, <c>{M ..}</c>, <c>{+HISTORY-MIN}</c>. It is not ECL and
/// shares no code with <see cref="EclWriter"/>.
/// </summary>
public static class EclShape
{
    public static string Of(EclNode node)
    {
        var b = new StringBuilder();
        Node(b, node);
        return b.ToString();
    }

    private static void Node(StringBuilder b, EclNode node)
    {
        switch (node)
        {
            case EclSubExpression sub:
                if (sub.Operator is { } op) b.Append(EclWriter.Operator(op));
                if (sub.MemberOf is { } memberOf)
                {
                    b.Append('^');
                    if (memberOf.AllFields) b.Append("[*]");
                    else if (memberOf.Fields.Count > 0) b.Append('[').Append(string.Join(",", memberOf.Fields)).Append(']');
                }

                Node(b, sub.Focus);
                foreach (var filter in sub.MemberFilters) Filters(b, "M", filter);
                foreach (var filter in sub.Filters) Filters(b, filter is EclConceptFilterConstraint ? "C" : "D", filter);
                if (sub.History is { } history)
                {
                    b.Append(" {+HISTORY");
                    b.Append(history.Profile switch
                    {
                        EclHistoryProfile.Minimum => "-MIN",
                        EclHistoryProfile.Moderate => "-MOD",
                        EclHistoryProfile.Maximum => "-MAX",
                        _ => "",
                    });
                    if (history.Subset is { } subset)
                    {
                        b.Append('(');
                        Node(b, subset);
                        b.Append(')');
                    }

                    b.Append('}');
                }

                break;
            case EclConceptReference reference:
                b.Append(reference.ConceptId.ToString(CultureInfo.InvariantCulture));
                break;
            case EclWildcard:
                b.Append('*');
                break;
            case EclAlternateIdentifier alternate:
                b.Append(alternate.Scheme).Append('#').Append(alternate.Code);
                break;
            case EclNestedExpression nested:
                b.Append('(');
                Node(b, nested.Expression);
                b.Append(')');
                break;
            case EclRefinedExpression refined:
                Call(b, "refine", refined.Focus, refined.Refinement);
                break;
            case EclDottedExpression dotted:
                Call(b, "dot", [dotted.Source, .. dotted.Attributes]);
                break;
            case EclConjunctionExpression conjunction:
                Call(b, "and", [.. conjunction.Operands]);
                break;
            case EclDisjunctionExpression disjunction:
                Call(b, "or", [.. disjunction.Operands]);
                break;
            case EclExclusionExpression exclusion:
                Call(b, "minus", exclusion.Left, exclusion.Right);
                break;
            case EclConceptReferenceSet set:
                b.Append('(').Append(string.Join(" ", set.References.Select(r => r.ConceptId))).Append(')');
                break;
            case EclRefinementConjunction all:
                Call(b, "all", [.. all.Items]);
                break;
            case EclRefinementDisjunction any:
                Call(b, "any", [.. any.Items]);
                break;
            case EclAttributeGroup group:
                b.Append("group");
                Cardinality(b, group.Cardinality);
                b.Append('(');
                Node(b, group.Attributes);
                b.Append(')');
                break;
            case EclAttribute attribute:
                Cardinality(b, attribute.Cardinality);
                if (attribute.Reverse) b.Append('R');
                Node(b, attribute.Name);
                Node(b, attribute.Comparison);
                break;
            case EclExpressionComparison expression:
                b.Append(EclWriter.ComparisonOperator(expression.Operator));
                Node(b, expression.Value);
                break;
            case EclNumericComparison numeric:
                b.Append(EclWriter.ComparisonOperator(numeric.Operator)).Append('#').Append(numeric.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case EclStringComparison text:
                b.Append(EclWriter.ComparisonOperator(text.Operator));
                Terms(b, text.Terms);
                break;
            case EclBooleanComparison boolean:
                b.Append(EclWriter.ComparisonOperator(boolean.Operator)).Append(boolean.Value ? "true" : "false");
                break;
            case EclTimeComparison time:
                b.Append(EclWriter.ComparisonOperator(time.Operator));
                Set(b, time.Times.Select(t => $"\"{t}\"").ToList());
                break;
            default:
                throw new ArgumentException($"no shape for {node.GetType().Name}");
        }
    }

    private static void Call(StringBuilder b, string name, params EclNode[] arguments)
    {
        b.Append(name).Append('(');
        for (var i = 0; i < arguments.Length; i++)
        {
            if (i > 0) b.Append(", ");
            Node(b, arguments[i]);
        }

        b.Append(')');
    }

    private static void Cardinality(StringBuilder b, EclCardinality? cardinality)
    {
        if (cardinality is null) return;
        b.Append('[').Append(cardinality.Min).Append("..").Append(cardinality.Max?.ToString(CultureInfo.InvariantCulture) ?? "*").Append(']');
    }

    private static void Terms(StringBuilder b, EclList<EclTypedSearchTerm> terms) =>
        Set(b, terms.Select(t => (t.Type == EclSearchType.Wild ? "wild:" : "") + $"\"{t.Text}\"").ToList());

    private static void Set(StringBuilder b, IReadOnlyList<string> items)
    {
        if (items.Count == 1) b.Append(items[0]);
        else b.Append('(').Append(string.Join(" ", items)).Append(')');
    }

    private static void Filters(StringBuilder b, string letter, EclFilterConstraint constraint)
    {
        b.Append(" {").Append(letter).Append(' ');
        for (var i = 0; i < constraint.Filters.Count; i++)
        {
            if (i > 0) b.Append("; ");
            Filter(b, constraint.Filters[i]);
        }

        b.Append('}');
    }

    private static void Filter(StringBuilder b, EclFilter filter)
    {
        switch (filter)
        {
            case EclTermFilter term:
                Op(b, "term", term.Operator);
                Terms(b, term.Terms);
                break;
            case EclLanguageFilter language:
                Op(b, "language", language.Operator);
                Set(b, language.LanguageCodes);
                break;
            case EclDescriptionTypeFilter type:
                Op(b, "type", type.Operator);
                Set(b, type.Types.Select(t => t switch
                {
                    EclDescriptionType.Synonym => "syn",
                    EclDescriptionType.FullySpecifiedName => "fsn",
                    _ => "def",
                }).ToList());
                break;
            case EclDescriptionTypeIdFilter typeId:
                Op(b, "typeId", typeId.Operator);
                Node(b, typeId.Types);
                break;
            case EclDialectFilter dialect:
                Op(b, dialect.Dialects[0] is EclDialectId ? "dialectId" : "dialect", dialect.Operator);
                Set(b, dialect.Dialects.Select(d =>
                {
                    var inner = new StringBuilder();
                    if (d is EclDialectAlias alias) inner.Append(alias.Alias);
                    else Node(inner, ((EclDialectId)d).Dialect);
                    Acceptability(inner, d.Acceptability);
                    return inner.ToString();
                }).ToList());
                Acceptability(b, dialect.Acceptability);
                break;
            case EclModuleFilter module:
                Op(b, "moduleId", module.Operator);
                Node(b, module.Modules);
                break;
            case EclEffectiveTimeFilter effectiveTime:
                Op(b, "effectiveTime", effectiveTime.Operator);
                Set(b, effectiveTime.Times.Select(t => $"\"{t}\"").ToList());
                break;
            case EclActiveFilter active:
                Op(b, "active", active.Operator);
                b.Append(active.Active switch { true => "true", false => "false", null => "*" });
                break;
            case EclDescriptionIdFilter id:
                Op(b, "id", id.Operator);
                Set(b, id.Ids.Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList());
                break;
            case EclDefinitionStatusFilter status:
                Op(b, "definitionStatus", status.Operator);
                Set(b, status.Statuses.Select(s => s == EclDefinitionStatus.Primitive ? "primitive" : "defined").ToList());
                break;
            case EclDefinitionStatusIdFilter statusId:
                Op(b, "definitionStatusId", statusId.Operator);
                Node(b, statusId.Statuses);
                break;
            case EclMemberFieldFilter field:
                b.Append(field.Field);
                Node(b, field.Comparison);
                break;
            default:
                throw new ArgumentException($"no shape for {filter.GetType().Name}");
        }
    }

    private static void Op(StringBuilder b, string keyword, EclComparisonOperator op) =>
        b.Append(keyword).Append(EclWriter.ComparisonOperator(op));

    private static void Acceptability(StringBuilder b, EclAcceptabilitySet? set)
    {
        if (set is null) return;
        b.Append('(');
        b.Append(set.Concepts.Count > 0
            ? string.Join(" ", set.Concepts.Select(c => c.ConceptId))
            : string.Join(" ", set.Tokens.Select(t => t == EclAcceptability.Preferred ? "prefer" : "accept")));
        b.Append(')');
    }
}
