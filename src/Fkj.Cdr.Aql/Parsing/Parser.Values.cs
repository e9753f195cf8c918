using System.Globalization;
using Fkj.Cdr.Aql.Syntax;

namespace Fkj.Cdr.Aql.Parsing;

/// <summary>Terminals: literals, parameters, function and terminology calls.</summary>
internal sealed partial class Parser
{
    private bool IsLiteralStart => _token.Kind switch
    {
        TokenKind.String or TokenKind.Integer or TokenKind.Real or TokenKind.Minus => true,
        TokenKind.Word => _token.Keyword is Keyword.True or Keyword.False or Keyword.Null,
        _ => false,
    };

    // terminal: primitive | PARAMETER | identifiedPath | functionCall
    private AqlExpression ParseTerminal(bool allowParameter = true)
    {
        if (IsLiteralStart) return ParseLiteral();
        if (allowParameter && _token.Kind == TokenKind.Parameter) return ParseParameter();
        if (_token.Kind == TokenKind.Word)
        {
            if (_token.Keyword == Keyword.Terminology) return ParseTerminology();
            if (Keywords.IsFunctionName(_token.Keyword)) return ParseFunctionCall();
            if (IsIdentifier) return PeekKind() == TokenKind.LeftParen ? ParseFunctionCall() : ParseIdentifiedPath();
        }

        Expect(Expectation.Path);
        Expect(Expectation.Literal);
        if (allowParameter) Expect(Expectation.Parameter);
        Expect(Expectation.Function);
        throw Unexpected();
    }

    // primitive: STRING | numericPrimitive | DATE | TIME | DATETIME | BOOLEAN | NULL
    private AqlExpression ParseLiteral()
    {
        var start = _token;
        switch (_token.Kind)
        {
            case TokenKind.String:
                Advance();
                return new StringLiteral(start.Value!) { Span = SpanFrom(start) };
            case TokenKind.Word when _token.Keyword is Keyword.True or Keyword.False:
                Advance();
                return new BooleanLiteral(start.Keyword == Keyword.True) { Span = SpanFrom(start) };
            case TokenKind.Word when _token.Keyword == Keyword.Null:
                Advance();
                return new NullLiteral { Span = SpanFrom(start) };
            default:
                return ParseNumber();
        }
    }

    // numericPrimitive: INTEGER | REAL | SCI_INTEGER | SCI_REAL | '-' numericPrimitive
    private AqlExpression ParseNumber()
    {
        var start = _token;
        var negative = false;
        while (_token.Kind == TokenKind.Minus)
        {
            negative = !negative;
            Advance();
        }

        var token = _token;
        var digits = _text.AsSpan(token.Start, token.Length);
        if (Is(TokenKind.Integer, Expectation.Number))
        {
            if (!ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var magnitude)
                || magnitude > (negative ? 1UL << 63 : long.MaxValue))
            {
                throw Error(token, $"the integer {(negative ? "-" : "")}{digits} is out of range: integers are 64-bit");
            }

            Advance();
            var value = negative ? (long)(0UL - magnitude) : (long)magnitude;
            return new IntegerLiteral(value) { Span = SpanFrom(start) };
        }

        if (_token.Kind == TokenKind.Real)
        {
            var value = double.Parse(digits, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);
            if (!double.IsFinite(value)) throw Error(token, $"the number {digits} is out of range");
            Advance();
            return new RealLiteral(negative ? -value : value) { Span = SpanFrom(start) };
        }

        throw Unexpected();
    }

    private ParameterRef ParseParameter()
    {
        var token = _token;
        Advance();
        var style = _text[token.Start] == '$' ? ParameterStyle.Dollar : ParameterStyle.Colon;
        return new ParameterRef(token.Value!, style) { Span = SpanFrom(token) };
    }

    // functionCall: (STRING_FUNCTION_ID | NUMERIC_FUNCTION_ID | DATE_TIME_FUNCTION_ID | IDENTIFIER) '(' (terminal (',' terminal)*)? ')'
    private FunctionCall ParseFunctionCall()
    {
        var start = _token;
        var name = UpperName(_token);
        Advance();
        if (!Is(TokenKind.LeftParen, Expectation.LeftParen)) throw Unexpected();
        Enter();
        Advance();
        var mark = Mark();
        if (!Is(TokenKind.RightParen, Expectation.RightParen))
        {
            do
            {
                Push(ParseTerminal());
            }
            while (Accept(TokenKind.Comma, Expectation.Comma));
        }

        Consume(TokenKind.RightParen, Expectation.RightParen);
        Leave();
        return new FunctionCall(name, Pop<AqlExpression>(mark)) { Span = SpanFrom(start) };
    }

    /// <summary>A function's name in upper case, shared across queries.</summary>
    private string UpperName(in Token token)
    {
        var name = _text.AsSpan(token.Start, token.Length);
        if (name.Length > NameTable.MaxLength) return name.ToString().ToUpperInvariant();
        Span<char> upper = stackalloc char[name.Length];
        name.ToUpperInvariant(upper);
        return NameTable.Get(upper);
    }

    // terminologyFunction: TERMINOLOGY '(' STRING ',' STRING ',' STRING ')'
    private TerminologyCall ParseTerminology()
    {
        var start = _token;
        Advance();
        Consume(TokenKind.LeftParen, Expectation.LeftParen);
        var operation = Consume(TokenKind.String, Expectation.String).Value!;
        Consume(TokenKind.Comma, Expectation.Comma);
        var serviceApi = Consume(TokenKind.String, Expectation.String).Value!;
        Consume(TokenKind.Comma, Expectation.Comma);
        var parameters = Consume(TokenKind.String, Expectation.String).Value!;
        Consume(TokenKind.RightParen, Expectation.RightParen);
        return new TerminologyCall(operation, serviceApi, parameters) { Span = SpanFrom(start) };
    }
}
