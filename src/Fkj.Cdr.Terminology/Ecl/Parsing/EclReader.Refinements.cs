using Fkj.Cdr.Terminology.Ecl.Syntax;

namespace Fkj.Cdr.Terminology.Ecl.Parsing;

/// <summary>
/// Refinements (<c>eclRefinement</c>, <c>eclAttributeSet</c>, <c>eclAttributeGroup</c>,
/// <c>eclAttribute</c>, <c>cardinality</c>). One level joins its parts with one kind of operator: AND
/// (or <c>,</c>) or OR. The ABNF alone would let an attribute set and a refinement each pick a different
/// one (<c>a, b OR c</c>), but the specification asks for parentheses wherever the order of binary
/// operators could be read two ways (5.4 Operator Precedence), so mixing them is refused with that advice.
/// </summary>
internal sealed partial class EclReader
{
    /// <summary>A refinement, or inside a group (<paramref name="inGroup"/>) an attribute set.</summary>
    private EclRefinement ReadRefinement(bool inGroup)
    {
        var start = Peek().Start;
        var first = ReadRefinementOperand(inGroup);
        var joiner = JoinerOf(Peek());
        if (joiner is Joiner.None or Joiner.Exclusion) return first;

        var items = new List<EclRefinement> { first };
        while (true)
        {
            var next = Peek();
            var nextJoiner = JoinerOf(next);
            if (nextJoiner == joiner)
            {
                ConsumeJoiner(next);
                items.Add(ReadRefinementOperand(inGroup));
                continue;
            }

            if (nextJoiner is Joiner.Conjunction or Joiner.Disjunction)
                throw Error(next,
                    "AND (or ',') and OR cannot be mixed at one level of a refinement: put one side in parentheses, as in (a = b, c = d) OR e = f");
            break;
        }

        return joiner == Joiner.Conjunction
            ? new EclRefinementConjunction(EclList.From(items)) { Span = SpanFrom(start) }
            : new EclRefinementDisjunction(EclList.From(items)) { Span = SpanFrom(start) };
    }

    private EclRefinement ReadRefinementOperand(bool inGroup)
    {
        var token = Peek();
        Enter(token);
        EclRefinement operand;
        if (token.Kind == EclTokenKind.LeftParen && ParenthesisedRefinementAhead())
        {
            Advance();
            operand = ReadRefinement(inGroup);
            if (Peek().Kind != EclTokenKind.RightParen)
                throw Expected(Peek(), operand switch
                {
                    EclRefinementConjunction => ["','", "AND", "')'"],
                    EclRefinementDisjunction => ["OR", "')'"],
                    _ => ["','", "AND", "OR", "')'"],
                });
            Advance();
        }
        else
        {
            operand = ReadAttributeOrGroup(inGroup);
        }

        Leave();
        return operand;
    }

    private EclRefinement ReadAttributeOrGroup(bool inGroup)
    {
        var start = Peek().Start;
        var cardinality = ReadCardinality();
        var token = Peek();
        if (token.Kind == EclTokenKind.LeftBrace)
        {
            if (inGroup) throw Error(token, "attribute groups cannot be nested: a group { ... } holds attributes only");
            Advance();
            var attributes = ReadRefinement(inGroup: true);
            if (Peek().Kind != EclTokenKind.RightBrace)
                throw Expected(Peek(), attributes switch
                {
                    EclRefinementConjunction => ["','", "AND", "'}'"],
                    EclRefinementDisjunction => ["OR", "'}'"],
                    _ => ["','", "AND", "OR", "'}'"],
                });
            Advance();
            return new EclAttributeGroup(cardinality, attributes) { Span = SpanFrom(start) };
        }

        var reverse = ReadReverseFlag();
        token = Peek();
        if (!StartsSubExpression(token))
        {
            string[] expected = (cardinality, reverse, inGroup) switch
            {
                (_, true, _) => ["an attribute name"],
                (not null, _, false) => ["an attribute name", "'{'", "'R'"],
                (null, _, false) => ["an attribute name", "'{'", "'['", "'('", "'R'"],
                (not null, _, true) => ["an attribute name", "'R'"],
                (null, _, true) => ["an attribute name", "'['", "'('", "'R'"],
            };
            throw Expected(token, expected);
        }

        var name = ReadSubExpression();
        var comparison = ReadAttributeComparison();
        return new EclAttribute(cardinality, reverse, name, comparison) { Span = SpanFrom(start) };
    }

    /// <summary>
    /// At a <c>(</c> where a refinement part starts: a parenthesised refinement, unless what follows the
    /// matching <c>)</c> shows the parentheses enclose an attribute name (a comparison operator, or the
    /// name's filters), as in <c>(&lt;&lt; 410662002 MINUS 363698007) = *</c>.
    /// </summary>
    private bool ParenthesisedRefinementAhead()
    {
        var depth = 0;
        for (var ahead = 0; ; ahead++)
        {
            var token = Peek(ahead);
            switch (token.Kind)
            {
                case EclTokenKind.End or EclTokenKind.Invalid:
                    return true;
                case EclTokenKind.LeftParen:
                    depth++;
                    break;
                case EclTokenKind.RightParen when --depth == 0:
                    var after = Peek(ahead + 1);
                    return !(after.Kind is EclTokenKind.Equals or EclTokenKind.NotEquals or EclTokenKind.LessGreater
                        or EclTokenKind.LessThan or EclTokenKind.LessOrEqual or EclTokenKind.GreaterThan
                        or EclTokenKind.GreaterOrEqual or EclTokenKind.DoubleLeftBrace || IsWord(after, "not"));
            }
        }
    }

    /// <summary>
    /// <c>[min..max]</c>, <c>[min..*]</c>, or the long syntax's <c>[min to many]</c>. The grammar allows no
    /// white space inside the brackets (except around <c>to</c>) and no leading zeros.
    /// </summary>
    private EclCardinality? ReadCardinality()
    {
        var open = Peek();
        if (open.Kind != EclTokenKind.LeftBracket) return null;
        Advance();

        var minToken = Peek();
        NoSpaceInCardinality(minToken);
        if (minToken.Kind != EclTokenKind.Number) throw Expected(minToken, "the minimum (a number)");
        var min = ReadNonNegativeInteger(Advance());

        var to = Peek();
        var longForm = IsWord(to, "to");
        if (longForm)
        {
            RequireSpaceBefore(to, "the minimum");
            Advance();
            RequireSpaceBefore(Peek(), "'to'");
        }
        else
        {
            NoSpaceInCardinality(to);
            Expect(EclTokenKind.DotDot, "'..'");
        }

        var maxToken = Peek();
        if (!longForm) NoSpaceInCardinality(maxToken);
        int? max;
        if (maxToken.Kind == EclTokenKind.Number)
            max = ReadNonNegativeInteger(Advance());
        else if (maxToken.Kind == EclTokenKind.Star || IsWord(maxToken, "many"))
        {
            Advance();
            max = null;
        }
        else
            throw Expected(maxToken, "the maximum (a number)", "'*'");

        NoSpaceInCardinality(Peek());
        Expect(EclTokenKind.RightBracket, "']'");
        if (max < min)
            throw Error(minToken, $"the cardinality [{min}..{max}] admits nothing: its minimum is greater than its maximum");
        return new EclCardinality(min, max) { Span = SpanFrom(open.Start) };
    }

    private void NoSpaceInCardinality(EclToken token)
    {
        if (token.SpaceBefore && token.Kind != EclTokenKind.End)
            throw Error(token, "no white space is allowed inside a cardinality: write [0..1]");
    }

    /// <summary><c>R</c> (also <c>r</c>, and the long syntax's <c>reverseOf</c>); <c>R127489000</c> is the flag and a name.</summary>
    private bool ReadReverseFlag()
    {
        var token = Peek();
        if (token.Kind != EclTokenKind.Word) return false;
        var word = WordOf(token)!;
        if (word is "r" or "reverseof")
        {
            Advance();
            return true;
        }

        if (word.Length > 1 && word[0] == 'r' && !word.AsSpan(1).ContainsAnyExceptInRange('0', '9'))
        {
            SplitWord(0, 1);
            Advance();
            return true;
        }

        return false;
    }
}
