using Fkj.Cdr.Aql.Syntax;

namespace Fkj.Cdr.Aql.Parsing;

/// <summary>The WHERE clause: conditions, LIKE and MATCHES operands.</summary>
internal sealed partial class Parser
{
    private WhereClause ParseWhere()
    {
        var start = _token;
        Advance();
        var condition = ParseOr();
        return new WhereClause(condition) { Span = SpanFrom(start) };
    }

    // whereExpr: identifiedExpr | NOT whereExpr | whereExpr AND whereExpr | whereExpr OR whereExpr | '(' whereExpr ')'
    private AqlCondition ParseOr()
    {
        var start = _token;
        var first = ParseAnd();
        if (!IsKeyword(Keyword.Or, Expectation.Or)) return first;
        var mark = Mark();
        Push(first);
        while (AcceptKeyword(Keyword.Or, Expectation.Or)) Push(ParseAnd());
        return new OrCondition(Pop<AqlCondition>(mark)) { Span = SpanFrom(start) };
    }

    private AqlCondition ParseAnd()
    {
        var start = _token;
        var first = ParseNot();
        if (!IsKeyword(Keyword.And, Expectation.And)) return first;
        var mark = Mark();
        Push(first);
        while (AcceptKeyword(Keyword.And, Expectation.And)) Push(ParseNot());
        return new AndCondition(Pop<AqlCondition>(mark)) { Span = SpanFrom(start) };
    }

    private AqlCondition ParseNot()
    {
        if (!IsKeyword(Keyword.Not, Expectation.Not)) return ParseCondition();
        var start = _token;
        Enter();
        Advance();
        var operand = ParseNot();
        Leave();
        return new NotCondition(operand) { Span = SpanFrom(start) };
    }

    // identifiedExpr: EXISTS identifiedPath
    //   | identifiedPath COMPARISON_OPERATOR terminal | functionCall COMPARISON_OPERATOR terminal
    //   | identifiedPath LIKE likeOperand | identifiedPath MATCHES matchesOperand
    //   | '(' identifiedExpr ')'
    // and, beyond the grammar: (identifiedPath | functionCall) IS NOT? NULL
    private AqlCondition ParseCondition()
    {
        if (Is(TokenKind.LeftParen, Expectation.LeftParen))
        {
            Enter();
            Advance();
            var inner = ParseOr();
            Consume(TokenKind.RightParen, Expectation.RightParen);
            Leave();
            return inner;
        }

        var start = _token;
        if (AcceptKeyword(Keyword.Exists, Expectation.Exists))
        {
            var path = ParseIdentifiedPath();
            return new ExistsCondition(path) { Span = SpanFrom(start) };
        }

        var left = ParseConditionSubject();
        if (Is(TokenKind.Comparison, Expectation.ComparisonOperator))
        {
            var op = _token.Operator;
            Advance();
            var right = ParseTerminal();
            return new ComparisonCondition(left, op, right) { Span = SpanFrom(start) };
        }

        if (left is IdentifiedPath subject)
        {
            if (AcceptKeyword(Keyword.Like, Expectation.Like))
            {
                var pattern = ParseLikeOperand();
                return new LikeCondition(subject, pattern) { Span = SpanFrom(start) };
            }

            if (AcceptKeyword(Keyword.Matches, Expectation.Matches))
            {
                var operand = ParseMatchesOperand();
                return new MatchesCondition(subject, operand) { Span = SpanFrom(start) };
            }
        }

        Expect(Expectation.Is);
        if (_token is { Kind: TokenKind.Word, Keyword: Keyword.None, Length: 2 } && _text.AsSpan(_token.Start, 2).Equals("is", StringComparison.OrdinalIgnoreCase))
        {
            Advance();
            var negated = AcceptKeyword(Keyword.Not, Expectation.Not);
            ConsumeKeyword(Keyword.Null, Expectation.Null);
            return new NullCondition(left, negated) { Span = SpanFrom(start) };
        }

        throw Unexpected();
    }

    /// <summary>The left side of a condition: an identified path or a function call.</summary>
    private AqlExpression ParseConditionSubject()
    {
        if (_token.Kind == TokenKind.Word)
        {
            if (_token.Keyword == Keyword.Terminology) return ParseTerminology();
            if (Keywords.IsFunctionName(_token.Keyword)) return ParseFunctionCall();
            if (IsIdentifier) return PeekKind() == TokenKind.LeftParen ? ParseFunctionCall() : ParseIdentifiedPath();
        }

        Expect(Expectation.Path);
        Expect(Expectation.Function);
        throw Unexpected();
    }

    // likeOperand: STRING | PARAMETER
    private AqlExpression ParseLikeOperand()
    {
        if (Is(TokenKind.String, Expectation.String))
        {
            var token = _token;
            Advance();
            var pattern = token.HasEscapes
                ? StringLiterals.Decode(_text.AsSpan(token.Start + 1, token.Length - 2), likePattern: true)
                : token.Value!;
            return new LikePattern(pattern) { Span = SpanFrom(token) };
        }

        if (Is(TokenKind.Parameter, Expectation.Parameter)) return ParseParameter();
        throw Unexpected();
    }

    // matchesOperand: '{' valueListItem (',' valueListItem)* '}' | terminologyFunction | '{' URI '}'
    // and, beyond the grammar: PARAMETER (bound to a list)
    private AqlExpression ParseMatchesOperand()
    {
        if (IsKeyword(Keyword.Terminology, Expectation.Terminology)) return ParseTerminology();
        if (Is(TokenKind.Parameter, Expectation.Parameter)) return ParseParameter();
        if (!Is(TokenKind.LeftBrace, Expectation.LeftBrace)) throw Unexpected();
        var start = _token;
        Enter();
        if (RelexUriAfterBrace())
        {
            var uri = _token.Value!;
            Advance();
            Consume(TokenKind.RightBrace, Expectation.RightBrace);
            Leave();
            return new UriLiteral(uri) { Span = SpanFrom(start) };
        }

        Advance();
        Expect(Expectation.Uri);
        var mark = Mark();
        do
        {
            Push(ParseValueListItem());
        }
        while (Accept(TokenKind.Comma, Expectation.Comma));

        Consume(TokenKind.RightBrace, Expectation.RightBrace);
        Leave();
        return new ValueList(Pop<AqlExpression>(mark)) { Span = SpanFrom(start) };
    }

    // valueListItem: primitive | PARAMETER | terminologyFunction
    private AqlExpression ParseValueListItem()
    {
        if (IsKeyword(Keyword.Terminology, Expectation.Terminology)) return ParseTerminology();
        if (Is(TokenKind.Parameter, Expectation.Parameter)) return ParseParameter();
        Expect(Expectation.Literal);
        if (IsLiteralStart) return ParseLiteral();
        throw Unexpected();
    }
}
