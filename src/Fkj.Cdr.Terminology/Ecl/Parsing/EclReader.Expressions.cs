using Fkj.Cdr.Terminology.Ecl.Syntax;

namespace Fkj.Cdr.Terminology.Ecl.Parsing;

/// <summary>
/// Expression constraints: <c>expressionConstraint</c>, its refined, dotted and compound forms, and
/// <c>subExpressionConstraint</c> with its operator, memberOf, focus and filters.
/// ECL gives AND, OR and MINUS no precedence (ECL 2.2, 5.4 Operator Precedence): a compound is one
/// operator repeated (AND and <c>,</c> count as one), MINUS joins exactly two sub-expressions, and a
/// refined, dotted or compound expression must be put in parentheses before anything more is added to it.
/// </summary>
internal sealed partial class EclReader
{
    private enum Joiner
    {
        None,
        Conjunction,
        Disjunction,
        Exclusion,
    }

    private EclExpression ReadExpressionConstraint()
    {
        var start = Peek().Start;
        var first = ReadSubExpression();
        var next = Peek();

        if (next.Kind == EclTokenKind.Colon)
        {
            Advance();
            var refinement = ReadRefinement(inGroup: false);
            var refined = new EclRefinedExpression(first, refinement) { Span = SpanFrom(start) };
            RefuseContinuation(Peek(), "a refined expression constraint");
            return refined;
        }

        if (next.Kind == EclTokenKind.Dot)
        {
            var attributes = new List<EclSubExpression>();
            while (Peek().Kind == EclTokenKind.Dot)
            {
                Advance();
                attributes.Add(ReadSubExpression());
            }

            var dotted = new EclDottedExpression(first, EclList.From(attributes)) { Span = SpanFrom(start) };
            RefuseContinuation(Peek(), "a dotted expression constraint");
            return dotted;
        }

        var joiner = JoinerOf(next);
        if (joiner == Joiner.None) return first;

        var operands = new List<EclSubExpression> { first };
        do
        {
            ConsumeJoiner(Peek());
            operands.Add(ReadSubExpression());
        }
        while (joiner != Joiner.Exclusion && JoinerOf(Peek()) == joiner);

        EclExpression compound = joiner switch
        {
            Joiner.Conjunction => new EclConjunctionExpression(EclList.From(operands)) { Span = SpanFrom(start) },
            Joiner.Disjunction => new EclDisjunctionExpression(EclList.From(operands)) { Span = SpanFrom(start) },
            _ => new EclExclusionExpression(operands[0], operands[1]) { Span = SpanFrom(start) },
        };
        RefuseContinuation(Peek(), joiner switch
        {
            Joiner.Conjunction => "a conjunction (AND)",
            Joiner.Disjunction => "a disjunction (OR)",
            _ => "an exclusion (MINUS)",
        });
        return compound;
    }

    private Joiner JoinerOf(EclToken token)
    {
        if (token.Kind == EclTokenKind.Comma || IsWord(token, "and")) return Joiner.Conjunction;
        if (IsWord(token, "or")) return Joiner.Disjunction;
        if (IsWord(token, "minus")) return Joiner.Exclusion;
        return Joiner.None;
    }

    /// <summary>AND, OR and MINUS are words and need white space after them; <c>,</c> does not.</summary>
    private void ConsumeJoiner(EclToken token)
    {
        Advance();
        if (token.Kind == EclTokenKind.Word) RequireSpaceBefore(Peek(), TextOf(token));
    }

    /// <summary>
    /// A refined, dotted or compound expression ends where its own rule ends; an operator that would
    /// extend it needs parentheses, which the error says.
    /// </summary>
    private void RefuseContinuation(EclToken next, string what)
    {
        var joiner = JoinerOf(next);
        var added = joiner switch
        {
            Joiner.Conjunction => next.Kind == EclTokenKind.Comma ? "',' (AND)" : TextOf(next),
            Joiner.Disjunction or Joiner.Exclusion => TextOf(next),
            _ => next.Kind switch
            {
                EclTokenKind.Colon => "a refinement ':'",
                EclTokenKind.Dot => "a dotted attribute '.'",
                _ => null,
            },
        };
        if (added is null) return;
        var hint = joiner == Joiner.Exclusion && what.StartsWith("an exclusion", StringComparison.Ordinal)
            ? "; for more than one MINUS write (A MINUS B) MINUS C"
            : joiner != Joiner.None ? "; ECL gives AND, OR and MINUS no precedence" : "";
        throw Error(next, $"{what} cannot be followed by {added} without parentheses: put it in parentheses first{hint}");
    }

    /// <summary>What may follow an expression where <paramref name="terminator"/> would end it, for error messages.</summary>
    private static string[] Continuations(EclExpression expression, string terminator) => expression switch
    {
        EclSubExpression { History: null } => ["AND", "OR", "MINUS", "':'", "'.'", "'{{'", terminator],
        EclSubExpression => ["AND", "OR", "MINUS", "':'", "'.'", terminator],
        EclConjunctionExpression => ["AND", terminator],
        EclDisjunctionExpression => ["OR", terminator],
        EclDottedExpression => ["'.'", terminator],
        _ => [terminator],
    };

    // --- sub-expressions ---------------------------------------------------------------------------

    private EclSubExpression ReadSubExpression()
    {
        var first = Peek();
        Enter(first);
        var @operator = ReadConstraintOperator();
        var memberOf = ReadMemberOf();
        var focus = ReadFocus(bare: @operator is null && memberOf is null);

        var memberFilters = new List<EclMemberFilterConstraint>();
        var filters = new List<EclFilterConstraint>();
        EclHistorySupplement? history = null;
        while (Peek().Kind == EclTokenKind.DoubleLeftBrace)
        {
            var open = Peek();
            if (history is not null)
                throw Error(open, "a history supplement {{ + HISTORY ... }} must be the last filter of its sub-expression");
            switch (FilterKindAhead())
            {
                case FilterKind.Member:
                    if (memberOf is null)
                        throw Error(open, "member filters {{ M ... }} apply only to the members of a reference set: they follow ^ refset");
                    if (filters.Count > 0)
                        throw Error(open, "member filters {{ M ... }} must come before description and concept filters");
                    memberFilters.Add(ReadMemberFilterConstraint());
                    break;
                case FilterKind.Concept:
                    filters.Add(ReadConceptFilterConstraint());
                    break;
                case FilterKind.History:
                    history = ReadHistorySupplement();
                    break;
                default:
                    filters.Add(ReadDescriptionFilterConstraint());
                    break;
            }
        }

        Leave();
        return new EclSubExpression(@operator, memberOf, focus, EclList.From(memberFilters), EclList.From(filters), history)
        {
            Span = SpanFrom(first.Start),
        };
    }

    private EclConstraintOperator? ReadConstraintOperator()
    {
        var token = Peek();
        EclConstraintOperator? brief = token.Kind switch
        {
            EclTokenKind.LessThan => EclConstraintOperator.DescendantOf,
            EclTokenKind.DoubleLess => EclConstraintOperator.DescendantOrSelfOf,
            EclTokenKind.LessBang => EclConstraintOperator.ChildOf,
            EclTokenKind.DoubleLessBang => EclConstraintOperator.ChildOrSelfOf,
            EclTokenKind.GreaterThan => EclConstraintOperator.AncestorOf,
            EclTokenKind.DoubleGreater => EclConstraintOperator.AncestorOrSelfOf,
            EclTokenKind.GreaterBang => EclConstraintOperator.ParentOf,
            EclTokenKind.DoubleGreaterBang => EclConstraintOperator.ParentOrSelfOf,
            EclTokenKind.BangBangGreater => EclConstraintOperator.Top,
            EclTokenKind.BangBangLess => EclConstraintOperator.Bottom,
            _ => null,
        };
        if (brief is not null)
        {
            Advance();
            return brief;
        }

        EclConstraintOperator? spelled = WordOf(token) switch
        {
            "descendantof" => EclConstraintOperator.DescendantOf,
            "descendantorselfof" => EclConstraintOperator.DescendantOrSelfOf,
            "childof" => EclConstraintOperator.ChildOf,
            "childorselfof" => EclConstraintOperator.ChildOrSelfOf,
            "ancestorof" => EclConstraintOperator.AncestorOf,
            "ancestororselfof" => EclConstraintOperator.AncestorOrSelfOf,
            "parentof" => EclConstraintOperator.ParentOf,
            "parentorselfof" => EclConstraintOperator.ParentOrSelfOf,
            _ => null,
        };
        if (spelled is null) return null;
        Advance();
        RequireSpaceBefore(Peek(), TextOf(token));
        return spelled;
    }

    /// <summary><c>^</c> or <c>memberOf</c>, with ECL 2.2's optional field list <c>[targetComponentId, ...]</c> or <c>[*]</c>.</summary>
    private EclMemberOf? ReadMemberOf()
    {
        var token = Peek();
        if (token.Kind != EclTokenKind.Caret && !IsWord(token, "memberof")) return null;
        Advance();
        if (Peek().Kind != EclTokenKind.LeftBracket) return new EclMemberOf { Span = SpanFrom(token.Start) };

        Advance();
        if (Peek().Kind == EclTokenKind.Star)
        {
            Advance();
            Expect(EclTokenKind.RightBracket, "']'");
            return new EclMemberOf(EclList<string>.Empty, true) { Span = SpanFrom(token.Start) };
        }

        var fields = new List<string> { ReadFieldName() };
        while (Peek().Kind == EclTokenKind.Comma)
        {
            Advance();
            fields.Add(ReadFieldName());
        }

        Expect(EclTokenKind.RightBracket, "','", "']'");
        return new EclMemberOf(EclList.From(fields), false) { Span = SpanFrom(token.Start) };
    }

    private EclFocus ReadFocus(bool bare)
    {
        var token = Peek();
        switch (token.Kind)
        {
            case EclTokenKind.Number:
                return ReadConceptReference();
            case EclTokenKind.Star:
                Advance();
                return new EclWildcard { Span = SpanFrom(token.Start) };
            case EclTokenKind.Word when IsWord(token, "any"):
                Advance();
                return new EclWildcard { Span = SpanFrom(token.Start) };
            case EclTokenKind.AlternateIdentifier:
            case EclTokenKind.String:
                return ReadAlternateIdentifier();
            case EclTokenKind.LeftParen:
            {
                Advance();
                var inner = ReadExpressionConstraint();
                if (Peek().Kind != EclTokenKind.RightParen) throw Expected(Peek(), Continuations(inner, "')'"));
                Advance();
                return new EclNestedExpression(inner) { Span = SpanFrom(token.Start) };
            }

            default:
                throw bare
                    ? Expected(token, "a concept id", "'*'", "an alternate identifier", "'('", "a constraint operator such as '<<'", "'^'")
                    : Expected(token, "a concept id", "'*'", "an alternate identifier", "'('");
        }
    }

    /// <summary>Whether a sub-expression can start with <paramref name="token"/> (for refinements' error messages).</summary>
    private bool StartsSubExpression(EclToken token) =>
        token.Kind is EclTokenKind.Number or EclTokenKind.Star or EclTokenKind.AlternateIdentifier or EclTokenKind.String
            or EclTokenKind.LeftParen or EclTokenKind.Caret or EclTokenKind.LessThan or EclTokenKind.DoubleLess
            or EclTokenKind.LessBang or EclTokenKind.DoubleLessBang or EclTokenKind.GreaterThan or EclTokenKind.DoubleGreater
            or EclTokenKind.GreaterBang or EclTokenKind.DoubleGreaterBang or EclTokenKind.BangBangGreater or EclTokenKind.BangBangLess
        || WordOf(token) is "any" or "memberof" or "descendantof" or "descendantorselfof" or "childof" or "childorselfof"
            or "ancestorof" or "ancestororselfof" or "parentof" or "parentorselfof";
}
