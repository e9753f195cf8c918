using Fkj.Cdr.Aql.Syntax;

namespace Fkj.Cdr.Aql.Parsing;

/// <summary>The query and its clauses: SELECT (with TOP), ORDER BY and LIMIT.</summary>
internal sealed partial class Parser
{
    // selectQuery: selectClause fromClause whereClause? orderByClause? limitClause? EOF
    public AqlQuery ParseQuery()
    {
        var start = _token;
        var select = ParseSelect();
        var from = ParseFrom();
        _fromParsed = true;
        CheckNames(select);
        if (_scope.Duplicate() is { } duplicate) throw new AqlParseException(duplicate);
        var where = IsKeyword(Keyword.Where, Expectation.Where) ? ParseWhere() : null;
        var orderBy = IsKeyword(Keyword.Order, Expectation.OrderBy) ? ParseOrderBy() : null;
        var limit = IsKeyword(Keyword.Limit, Expectation.Limit) ? ParseLimit() : null;
        if (!Is(TokenKind.End, Expectation.End)) throw Unexpected();
        return new AqlQuery(select, from, where, orderBy, limit) { Span = SpanFrom(start) };
    }

    /// <summary>The paths of the SELECT clause, read before FROM declared their variables.</summary>
    private void CheckNames(SelectClause select)
    {
        foreach (var column in select.Columns) Check(column.Expression);

        void Check(AqlExpression expression)
        {
            switch (expression)
            {
                case IdentifiedPath path:
                    if (_scope.Check(path, bare: false) is { } error) throw new AqlParseException(error);
                    break;
                case AggregateCall { Argument: { } argument }:
                    Check(argument);
                    break;
                case FunctionCall call:
                    foreach (var argument in call.Arguments) Check(argument);
                    break;
            }
        }
    }

    // selectClause: SELECT DISTINCT? top? selectExpr (',' selectExpr)*
    private SelectClause ParseSelect()
    {
        var start = _token;
        ConsumeKeyword(Keyword.Select, Expectation.Select);
        var distinct = AcceptKeyword(Keyword.Distinct, Expectation.Distinct);
        var top = IsKeyword(Keyword.Top, Expectation.Top) ? ParseTop() : null;
        var mark = Mark();
        do
        {
            Push(ParseColumn());
        }
        while (Accept(TokenKind.Comma, Expectation.Comma));

        return new SelectClause(Pop<SelectColumn>(mark), distinct, top) { Span = SpanFrom(start) };
    }

    // top: TOP INTEGER (FORWARD | BACKWARD)?   (deprecated)
    private TopClause ParseTop()
    {
        var start = _token;
        Advance();
        var count = ParseCount();
        TopDirection? direction = null;
        if (AcceptKeyword(Keyword.Forward, Expectation.Forward)) direction = TopDirection.Forward;
        else if (AcceptKeyword(Keyword.Backward, Expectation.Backward)) direction = TopDirection.Backward;
        return new TopClause(count, direction) { Span = SpanFrom(start) };
    }

    // selectExpr: columnExpr (AS IDENTIFIER)?
    // columnExpr: identifiedPath | primitive | aggregateFunctionCall | functionCall
    private SelectColumn ParseColumn()
    {
        var start = _token;
        AqlExpression expression;
        if (_token.Kind == TokenKind.Word && Keywords.IsAggregate(_token.Keyword))
        {
            expression = ParseAggregate();
        }
        else
        {
            Expect(Expectation.Aggregate);
            expression = ParseTerminal(allowParameter: false);
        }

        string? alias = null;
        if (AcceptKeyword(Keyword.As, Expectation.As))
        {
            // The grammar wants an identifier, but "AS count" is unambiguous and common: any word that
            // does not start a clause will do.
            if (!Is(TokenKind.Word, Expectation.Alias) || _token.Keyword is Keyword.Select or Keyword.As or Keyword.From
                    or Keyword.Where or Keyword.Order or Keyword.Limit or Keyword.Offset)
            {
                throw Unexpected();
            }

            alias = Name(_token);
            _scope.Alias(alias);
            Advance();
        }

        return new SelectColumn(expression, alias) { Span = SpanFrom(start) };
    }

    // aggregateFunctionCall: COUNT '(' (DISTINCT? identifiedPath | '*') ')' | (MIN|MAX|SUM|AVG) '(' identifiedPath ')'
    private AggregateCall ParseAggregate()
    {
        var start = _token;
        var function = _token.Keyword switch
        {
            Keyword.Count => AggregateFunction.Count,
            Keyword.Min => AggregateFunction.Min,
            Keyword.Max => AggregateFunction.Max,
            Keyword.Sum => AggregateFunction.Sum,
            _ => AggregateFunction.Avg,
        };
        Advance();
        Consume(TokenKind.LeftParen, Expectation.LeftParen);
        IdentifiedPath? argument = null;
        var distinct = false;
        if (function != AggregateFunction.Count || !Accept(TokenKind.Star, Expectation.Star))
        {
            if (function == AggregateFunction.Count) distinct = AcceptKeyword(Keyword.Distinct, Expectation.Distinct);
            argument = ParseIdentifiedPath();
        }

        Consume(TokenKind.RightParen, Expectation.RightParen);
        return new AggregateCall(function, argument, distinct) { Span = SpanFrom(start) };
    }

    // orderByClause: ORDER BY orderByExpr (',' orderByExpr)*
    // orderByExpr: identifiedPath (DESCENDING | DESC | ASCENDING | ASC)?
    private OrderByClause ParseOrderBy()
    {
        var start = _token;
        Advance();
        ConsumeKeyword(Keyword.By, Expectation.By);
        var mark = Mark();
        do
        {
            var keyStart = _token;
            IdentifiedPath path;
            if (_token.Kind == TokenKind.Word && !IsIdentifier && _scope.IsAlias(Name(_token)))
            {
                // A column alias that is no identifier ("AS count"), standing for its column.
                path = new IdentifiedPath(Name(_token));
                Advance();
                path = path with { Span = SpanFrom(keyStart) };
            }
            else
            {
                path = ParseIdentifiedPath(orderBy: true);
            }

            SortDirection? direction = null;
            Expect(Expectation.Direction);
            if (_token.Kind == TokenKind.Word)
            {
                direction = _token.Keyword switch
                {
                    Keyword.Asc or Keyword.Ascending => SortDirection.Ascending,
                    Keyword.Desc or Keyword.Descending => SortDirection.Descending,
                    _ => null,
                };
                if (direction is not null) Advance();
            }

            Push(new OrderByKey(path, direction) { Span = SpanFrom(keyStart) });
        }
        while (Accept(TokenKind.Comma, Expectation.Comma));

        return new OrderByClause(Pop<OrderByKey>(mark)) { Span = SpanFrom(start) };
    }

    // limitClause: LIMIT INTEGER (OFFSET INTEGER)?
    private LimitClause ParseLimit()
    {
        var start = _token;
        Advance();
        var limit = ParseCount();
        long? offset = AcceptKeyword(Keyword.Offset, Expectation.Offset) ? ParseCount() : null;
        return new LimitClause(limit, offset) { Span = SpanFrom(start) };
    }

    /// <summary>A non-negative integer (LIMIT, OFFSET, TOP).</summary>
    private long ParseCount()
    {
        var token = Consume(TokenKind.Integer, Expectation.Integer);
        if (!long.TryParse(_text.AsSpan(token.Start, token.Length), System.Globalization.NumberStyles.None, null, out var value))
        {
            throw Error(token, $"{Text(token)} is too large; at most {long.MaxValue} is allowed");
        }

        return value;
    }
}
