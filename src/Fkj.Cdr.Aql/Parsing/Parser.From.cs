using Fkj.Cdr.Aql.Syntax;

namespace Fkj.Cdr.Aql.Parsing;

/// <summary>The FROM clause: class expressions and containment.</summary>
internal sealed partial class Parser
{
    private FromClause ParseFrom()
    {
        var start = _token;
        ConsumeKeyword(Keyword.From, Expectation.From);
        var contains = ParseContainsOr();
        return new FromClause(contains) { Span = SpanFrom(start) };
    }

    // containsExpr: classExprOperand (NOT? CONTAINS containsExpr)?
    //             | containsExpr AND containsExpr | containsExpr OR containsExpr | '(' containsExpr ')'
    // AND binds tighter than OR; what follows CONTAINS extends as far as it can, as in the grammar.
    private ContainsExpression ParseContainsOr()
    {
        var start = _token;
        var first = ParseContainsAnd();
        if (!IsKeyword(Keyword.Or, Expectation.Or)) return first;
        var mark = Mark();
        Push(first);
        while (AcceptKeyword(Keyword.Or, Expectation.Or)) Push(ParseContainsAnd());
        return new ContainsOr(Pop<ContainsExpression>(mark)) { Span = SpanFrom(start) };
    }

    private ContainsExpression ParseContainsAnd()
    {
        var start = _token;
        var first = ParseContainment();
        if (!IsKeyword(Keyword.And, Expectation.And)) return first;
        var mark = Mark();
        Push(first);
        while (AcceptKeyword(Keyword.And, Expectation.And)) Push(ParseContainment());
        return new ContainsAnd(Pop<ContainsExpression>(mark)) { Span = SpanFrom(start) };
    }

    private ContainsExpression ParseContainment()
    {
        if (Is(TokenKind.LeftParen, Expectation.LeftParen))
        {
            Enter();
            Advance();
            var inner = ParseContainsOr();
            Consume(TokenKind.RightParen, Expectation.RightParen);
            Leave();
            return inner;
        }

        var start = _token;
        var @class = ParseClassExpression();
        var negated = AcceptKeyword(Keyword.Not, Expectation.Not);
        if (!IsKeyword(Keyword.Contains, Expectation.Contains))
        {
            if (negated) throw Unexpected();
            return new Containment(@class) { Span = @class.Span };
        }

        Enter();
        Advance();
        var contained = ParseContainsOr();
        Leave();
        return new Containment(@class, contained, negated) { Span = SpanFrom(start) };
    }

    // classExprOperand: IDENTIFIER IDENTIFIER? pathPredicate?
    //                 | VERSION IDENTIFIER? ('[' versionPredicate ']')?
    private ClassExpression ParseClassExpression()
    {
        var start = _token;
        string type;
        var version = AcceptKeyword(Keyword.Version, Expectation.Version);
        if (version)
        {
            type = "VERSION";
        }
        else
        {
            Expect(Expectation.RmType);
            if (!IsIdentifier) throw Unexpected();
            type = Name(_token);
            Advance();
        }

        string? variable = null;
        Expect(Expectation.Variable);
        if (IsIdentifier)
        {
            variable = Name(_token);
            _scope.Declare(variable, SpanOf(_token));
            Advance();
        }

        var predicate = Is(TokenKind.LeftBracket, Expectation.LeftBracket) ? ParsePredicate(version) : null;
        return new ClassExpression(type, variable, predicate) { Span = SpanFrom(start) };
    }
}
