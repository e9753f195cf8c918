using System.Globalization;
using System.Text;

namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary>
/// Writes a syntax tree as canonical ECL: the brief syntax, one space around operators and keywords,
/// <c>AND</c>/<c>OR</c>/<c>MINUS</c> in capitals, <c>,</c> between the parts of a refinement conjunction,
/// <c>{{ D ... }}</c> with its letter, terms kept, and parentheses exactly where the grammar needs them
/// (a compound inside a compound, a nested expression). Parsing the text gives back an equal tree.
/// </summary>
public static class EclWriter
{
    public static string Write(EclNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var builder = new StringBuilder();
        Node(builder, node);
        return builder.ToString();
    }

    private static void Node(StringBuilder b, EclNode node)
    {
        switch (node)
        {
            case EclConceptSet set: ConceptSet(b, set); break;
            case EclFocus focus: Focus(b, focus); break;
            case EclRefinement refinement: Refinement(b, refinement); break;
            case EclComparison comparison: Comparison(b, comparison); break;
            case EclFilterConstraint constraint: FilterConstraint(b, constraint); break;
            case EclFilter filter: Filter(b, filter); break;
            case EclHistorySupplement history: History(b, history); break;
            case EclMemberOf memberOf: MemberOf(b, memberOf); break;
            case EclCardinality cardinality: Cardinality(b, cardinality); break;
            case EclTypedSearchTerm term: SearchTerm(b, term); break;
            case EclAcceptabilitySet acceptability: Acceptability(b, acceptability); break;
            case EclDialect dialect: Dialect(b, dialect); break;
            default: throw new ArgumentException($"cannot write {node.GetType().Name}", nameof(node));
        }
    }

    // --- expressions -------------------------------------------------------------------------------

    private static void ConceptSet(StringBuilder b, EclConceptSet set)
    {
        switch (set)
        {
            case EclSubExpression sub:
                SubExpression(b, sub);
                break;
            case EclRefinedExpression refined:
                SubExpression(b, refined.Focus);
                b.Append(" : ");
                Refinement(b, refined.Refinement);
                break;
            case EclDottedExpression dotted:
                SubExpression(b, dotted.Source);
                foreach (var attribute in dotted.Attributes)
                {
                    b.Append(" . ");
                    SubExpression(b, attribute);
                }

                break;
            case EclConjunctionExpression conjunction:
                Join(b, conjunction.Operands, " AND ");
                break;
            case EclDisjunctionExpression disjunction:
                Join(b, disjunction.Operands, " OR ");
                break;
            case EclExclusionExpression exclusion:
                SubExpression(b, exclusion.Left);
                b.Append(" MINUS ");
                SubExpression(b, exclusion.Right);
                break;
            case EclConceptReferenceSet references:
                b.Append('(');
                for (var i = 0; i < references.References.Count; i++)
                {
                    if (i > 0) b.Append(' ');
                    Focus(b, references.References[i]);
                }

                b.Append(')');
                break;
            default:
                throw new ArgumentException($"cannot write {set.GetType().Name}", nameof(set));
        }
    }

    private static void Join(StringBuilder b, EclList<EclSubExpression> operands, string separator)
    {
        for (var i = 0; i < operands.Count; i++)
        {
            if (i > 0) b.Append(separator);
            SubExpression(b, operands[i]);
        }
    }

    private static void SubExpression(StringBuilder b, EclSubExpression sub)
    {
        if (sub.Operator is { } @operator) b.Append(Operator(@operator)).Append(' ');
        if (sub.MemberOf is { } memberOf)
        {
            MemberOf(b, memberOf);
            b.Append(' ');
        }

        Focus(b, sub.Focus);
        foreach (var filter in sub.MemberFilters)
        {
            b.Append(' ');
            FilterConstraint(b, filter);
        }

        foreach (var filter in sub.Filters)
        {
            b.Append(' ');
            FilterConstraint(b, filter);
        }

        if (sub.History is { } history)
        {
            b.Append(' ');
            History(b, history);
        }
    }

    /// <summary>A value or name position holds a sub-expression; anything else goes in parentheses.</summary>
    private static void Operand(StringBuilder b, EclConceptSet set)
    {
        if (set is EclSubExpression or EclConceptReferenceSet)
        {
            ConceptSet(b, set);
            return;
        }

        b.Append('(');
        ConceptSet(b, set);
        b.Append(')');
    }

    public static string Operator(EclConstraintOperator @operator) => @operator switch
    {
        EclConstraintOperator.DescendantOf => "<",
        EclConstraintOperator.DescendantOrSelfOf => "<<",
        EclConstraintOperator.ChildOf => "<!",
        EclConstraintOperator.ChildOrSelfOf => "<<!",
        EclConstraintOperator.AncestorOf => ">",
        EclConstraintOperator.AncestorOrSelfOf => ">>",
        EclConstraintOperator.ParentOf => ">!",
        EclConstraintOperator.ParentOrSelfOf => ">>!",
        EclConstraintOperator.Top => "!!>",
        EclConstraintOperator.Bottom => "!!<",
        _ => throw new ArgumentOutOfRangeException(nameof(@operator)),
    };

    private static void MemberOf(StringBuilder b, EclMemberOf memberOf)
    {
        b.Append('^');
        if (memberOf.AllFields)
            b.Append(" [*]");
        else if (memberOf.Fields.Count > 0)
            b.Append(" [").Append(string.Join(", ", memberOf.Fields)).Append(']');
    }

    private static void Focus(StringBuilder b, EclFocus focus)
    {
        switch (focus)
        {
            case EclConceptReference reference:
                b.Append(reference.ConceptId.ToString(CultureInfo.InvariantCulture));
                Term(b, reference.Term);
                break;
            case EclWildcard:
                b.Append('*');
                break;
            case EclAlternateIdentifier alternate:
                var plain = EclCharacters.IsUnquotedCode(alternate.Code);
                if (!plain) b.Append('"');
                b.Append(alternate.Scheme).Append('#').Append(alternate.Code);
                if (!plain) b.Append('"');
                Term(b, alternate.Term);
                break;
            case EclNestedExpression nested:
                b.Append('(');
                ConceptSet(b, nested.Expression);
                b.Append(')');
                break;
            default:
                throw new ArgumentException($"cannot write {focus.GetType().Name}", nameof(focus));
        }
    }

    private static void Term(StringBuilder b, string? term)
    {
        if (term is not null) b.Append(" |").Append(term).Append('|');
    }

    // --- refinements -------------------------------------------------------------------------------

    private static void Refinement(StringBuilder b, EclRefinement refinement)
    {
        switch (refinement)
        {
            case EclAttribute attribute:
                if (attribute.Cardinality is { } cardinality)
                {
                    Cardinality(b, cardinality);
                    b.Append(' ');
                }

                if (attribute.Reverse) b.Append("R ");
                SubExpression(b, attribute.Name);
                b.Append(' ');
                Comparison(b, attribute.Comparison);
                break;
            case EclAttributeGroup group:
                if (group.Cardinality is { } groupCardinality)
                {
                    Cardinality(b, groupCardinality);
                    b.Append(' ');
                }

                b.Append("{ ");
                Refinement(b, group.Attributes);
                b.Append(" }");
                break;
            case EclRefinementConjunction conjunction:
                RefinementItems(b, conjunction.Items, ", ");
                break;
            case EclRefinementDisjunction disjunction:
                RefinementItems(b, disjunction.Items, " OR ");
                break;
            default:
                throw new ArgumentException($"cannot write {refinement.GetType().Name}", nameof(refinement));
        }
    }

    private static void RefinementItems(StringBuilder b, EclList<EclRefinement> items, string separator)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0) b.Append(separator);
            var compound = items[i] is EclRefinementConjunction or EclRefinementDisjunction;
            if (compound) b.Append('(');
            Refinement(b, items[i]);
            if (compound) b.Append(')');
        }
    }

    private static void Cardinality(StringBuilder b, EclCardinality cardinality) =>
        b.Append('[').Append(cardinality.Min.ToString(CultureInfo.InvariantCulture)).Append("..")
            .Append(cardinality.Max is { } max ? max.ToString(CultureInfo.InvariantCulture) : "*").Append(']');

    private static void Comparison(StringBuilder b, EclComparison comparison)
    {
        b.Append(ComparisonOperator(comparison.Operator)).Append(' ');
        switch (comparison)
        {
            case EclExpressionComparison expression:
                SubExpression(b, expression.Value);
                break;
            case EclNumericComparison numeric:
                b.Append('#').Append(numeric.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case EclStringComparison text:
                SearchTerms(b, text.Terms);
                break;
            case EclBooleanComparison boolean:
                b.Append(boolean.Value ? "true" : "false");
                break;
            case EclTimeComparison time:
                Times(b, time.Times);
                break;
            default:
                throw new ArgumentException($"cannot write {comparison.GetType().Name}", nameof(comparison));
        }
    }

    public static string ComparisonOperator(EclComparisonOperator @operator) => @operator switch
    {
        EclComparisonOperator.Equal => "=",
        EclComparisonOperator.NotEqual => "!=",
        EclComparisonOperator.LessThan => "<",
        EclComparisonOperator.LessThanOrEqual => "<=",
        EclComparisonOperator.GreaterThan => ">",
        EclComparisonOperator.GreaterThanOrEqual => ">=",
        _ => throw new ArgumentOutOfRangeException(nameof(@operator)),
    };

    private static void SearchTerms(StringBuilder b, EclList<EclTypedSearchTerm> terms)
    {
        if (terms.Count == 1)
        {
            SearchTerm(b, terms[0]);
            return;
        }

        b.Append('(');
        for (var i = 0; i < terms.Count; i++)
        {
            if (i > 0) b.Append(' ');
            SearchTerm(b, terms[i]);
        }

        b.Append(')');
    }

    private static void SearchTerm(StringBuilder b, EclTypedSearchTerm term)
    {
        if (term.Type == EclSearchType.Wild) b.Append("wild:");
        else if (EclCharacters.IsQuotedAlternateIdentifier(term.Text)) b.Append("match:");
        b.Append('"').Append(term.Text).Append('"');
    }

    private static void Times(StringBuilder b, EclList<string> times)
    {
        if (times.Count != 1) b.Append('(');
        for (var i = 0; i < times.Count; i++)
        {
            if (i > 0) b.Append(' ');
            b.Append('"').Append(times[i]).Append('"');
        }

        if (times.Count != 1) b.Append(')');
    }

    // --- filters -----------------------------------------------------------------------------------

    private static void FilterConstraint(StringBuilder b, EclFilterConstraint constraint)
    {
        b.Append(constraint switch
        {
            EclConceptFilterConstraint => "{{ C ",
            EclMemberFilterConstraint => "{{ M ",
            _ => "{{ D ",
        });
        for (var i = 0; i < constraint.Filters.Count; i++)
        {
            if (i > 0) b.Append(", ");
            Filter(b, constraint.Filters[i]);
        }

        b.Append(" }}");
    }

    private static void Filter(StringBuilder b, EclFilter filter)
    {
        switch (filter)
        {
            case EclTermFilter term:
                Keyword(b, "term", term.Operator);
                SearchTerms(b, term.Terms);
                break;
            case EclLanguageFilter language:
                Keyword(b, "language", language.Operator);
                Words(b, language.LanguageCodes);
                break;
            case EclDescriptionTypeFilter type:
                Keyword(b, "type", type.Operator);
                Words(b, type.Types.Select(t => t switch
                {
                    EclDescriptionType.Synonym => "syn",
                    EclDescriptionType.FullySpecifiedName => "fsn",
                    _ => "def",
                }).ToList());
                break;
            case EclDescriptionTypeIdFilter typeId:
                Keyword(b, "typeId", typeId.Operator);
                Operand(b, typeId.Types);
                break;
            case EclDialectFilter dialect:
                DialectFilter(b, dialect);
                break;
            case EclModuleFilter module:
                Keyword(b, "moduleId", module.Operator);
                Operand(b, module.Modules);
                break;
            case EclEffectiveTimeFilter effectiveTime:
                Keyword(b, "effectiveTime", effectiveTime.Operator);
                Times(b, effectiveTime.Times);
                break;
            case EclActiveFilter active:
                Keyword(b, "active", active.Operator);
                b.Append(active.Active switch { true => "true", false => "false", null => "*" });
                break;
            case EclDescriptionIdFilter id:
                Keyword(b, "id", id.Operator);
                Words(b, id.Ids.Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList());
                break;
            case EclDefinitionStatusFilter status:
                Keyword(b, "definitionStatus", status.Operator);
                Words(b, status.Statuses.Select(s => s == EclDefinitionStatus.Primitive ? "primitive" : "defined").ToList());
                break;
            case EclDefinitionStatusIdFilter statusId:
                Keyword(b, "definitionStatusId", statusId.Operator);
                Operand(b, statusId.Statuses);
                break;
            case EclMemberFieldFilter field:
                b.Append(field.Field).Append(' ');
                Comparison(b, field.Comparison);
                break;
            default:
                throw new ArgumentException($"cannot write {filter.GetType().Name}", nameof(filter));
        }
    }

    private static void Keyword(StringBuilder b, string keyword, EclComparisonOperator @operator) =>
        b.Append(keyword).Append(' ').Append(ComparisonOperator(@operator)).Append(' ');

    private static void Words(StringBuilder b, IReadOnlyList<string> words)
    {
        if (words.Count == 1)
        {
            b.Append(words[0]);
            return;
        }

        b.Append('(').Append(string.Join(' ', words)).Append(')');
    }

    /// <summary>
    /// One dialect without its own acceptability stands alone; otherwise the dialects go in a set, each
    /// with its acceptability. The filter's own acceptability follows.
    /// </summary>
    private static void DialectFilter(StringBuilder b, EclDialectFilter filter)
    {
        var ids = filter.Dialects.Count > 0 && filter.Dialects[0] is EclDialectId;
        Keyword(b, ids ? "dialectId" : "dialect", filter.Operator);
        if (filter.Dialects.Count == 1 && filter.Dialects[0].Acceptability is null)
        {
            if (filter.Dialects[0] is EclDialectId { Dialect: var only })
                SubExpression(b, only);
            else
                Dialect(b, filter.Dialects[0]);
        }
        else
        {
            b.Append('(');
            for (var i = 0; i < filter.Dialects.Count; i++)
            {
                if (i > 0) b.Append(' ');
                Dialect(b, filter.Dialects[i]);
            }

            b.Append(')');
        }

        if (filter.Acceptability is { } acceptability)
        {
            b.Append(' ');
            Acceptability(b, acceptability);
        }
    }

    private static void Dialect(StringBuilder b, EclDialect dialect)
    {
        switch (dialect)
        {
            case EclDialectAlias alias:
                b.Append(alias.Alias);
                break;
            case EclDialectId id:
                SubExpression(b, id.Dialect);
                break;
        }

        if (dialect.Acceptability is { } acceptability)
        {
            b.Append(' ');
            Acceptability(b, acceptability);
        }
    }

    private static void Acceptability(StringBuilder b, EclAcceptabilitySet set)
    {
        b.Append('(');
        if (set.Concepts.Count > 0)
        {
            for (var i = 0; i < set.Concepts.Count; i++)
            {
                if (i > 0) b.Append(' ');
                Focus(b, set.Concepts[i]);
            }
        }
        else
        {
            b.Append(string.Join(' ', set.Tokens.Select(t => t == EclAcceptability.Preferred ? "prefer" : "accept")));
        }

        b.Append(')');
    }

    private static void History(StringBuilder b, EclHistorySupplement history)
    {
        b.Append("{{ + HISTORY");
        b.Append(history.Profile switch
        {
            EclHistoryProfile.Minimum => "-MIN",
            EclHistoryProfile.Moderate => "-MOD",
            EclHistoryProfile.Maximum => "-MAX",
            _ => "",
        });
        if (history.Subset is { } subset)
        {
            b.Append(" (");
            ConceptSet(b, subset);
            b.Append(')');
        }

        b.Append(" }}");
    }
}
