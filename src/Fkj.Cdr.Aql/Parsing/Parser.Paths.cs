using Fkj.Cdr.Aql.Syntax;

namespace Fkj.Cdr.Aql.Parsing;

/// <summary>Identified paths, object paths and the predicates in square brackets.</summary>
internal sealed partial class Parser
{
    // identifiedPath: IDENTIFIER pathPredicate? ('/' objectPath)?
    private IdentifiedPath ParseIdentifiedPath(bool orderBy = false)
    {
        Expect(Expectation.Path);
        if (!IsIdentifier) throw Unexpected();
        var start = _token;
        var variable = Name(_token);
        Advance();
        var predicate = Is(TokenKind.LeftBracket, Expectation.LeftBracket) ? ParsePredicate(version: false) : null;
        var path = Accept(TokenKind.Slash, Expectation.Slash) ? ParseObjectPath() : null;
        var identified = new IdentifiedPath(variable, predicate, path) { Span = SpanFrom(start) };
        if (_fromParsed && _scope.Check(identified, bare: orderBy && identified.IsVariableOnly) is { } error) throw new AqlParseException(error);
        return identified;
    }

    // objectPath: pathPart ('/' pathPart)*
    private ObjectPath ParseObjectPath()
    {
        var start = _token;
        var mark = Mark();
        do
        {
            Push(ParsePathPart());
        }
        while (Accept(TokenKind.Slash, Expectation.Slash));

        return new ObjectPath(Pop<PathPart>(mark)) { Span = SpanFrom(start) };
    }

    // pathPart: IDENTIFIER pathPredicate?   (no RM attribute name is an AQL keyword)
    private PathPart ParsePathPart()
    {
        Expect(Expectation.Attribute);
        if (!IsIdentifier) throw Unexpected();
        var start = _token;
        var attribute = Name(_token);
        Advance();
        var predicate = Is(TokenKind.LeftBracket, Expectation.LeftBracket) ? ParsePredicate(version: false) : null;
        return new PathPart(attribute, predicate) { Span = SpanFrom(start) };
    }

    /// <summary>'[' predicate ']', the current token being the '['.</summary>
    private PathPredicate ParsePredicate(bool version)
    {
        Enter();
        Advance();
        var predicate = version ? ParseVersionPredicate() : ParsePredicateOr();
        Consume(TokenKind.RightBracket, Expectation.RightBracket);
        Leave();
        return predicate;
    }

    // nodePredicate: ... | nodePredicate AND nodePredicate | nodePredicate OR nodePredicate
    private PathPredicate ParsePredicateOr()
    {
        var start = _token;
        var first = ParsePredicateAnd();
        if (!IsKeyword(Keyword.Or, Expectation.Or)) return first;
        var mark = Mark();
        Push(first);
        while (AcceptKeyword(Keyword.Or, Expectation.Or)) Push(ParsePredicateAnd());
        return new OrPredicate(Pop<PathPredicate>(mark)) { Span = SpanFrom(start) };
    }

    private PathPredicate ParsePredicateAnd()
    {
        var start = _token;
        var first = ParsePredicateTerm();
        if (!IsKeyword(Keyword.And, Expectation.And)) return first;
        var mark = Mark();
        Push(first);
        while (AcceptKeyword(Keyword.And, Expectation.And)) Push(ParsePredicateTerm());
        return new AndPredicate(Pop<PathPredicate>(mark)) { Span = SpanFrom(start) };
    }

    // nodePredicate: (ID_CODE | AT_CODE | ARCHETYPE_HRID) (',' (STRING | PARAMETER | TERM_CODE | AT_CODE | ID_CODE))?
    //   | PARAMETER | objectPath COMPARISON_OPERATOR pathPredicateOperand | objectPath MATCHES CONTAINED_REGEX
    // (the grammar's archetypePredicate and standardPredicate are among these forms)
    private PathPredicate ParsePredicateTerm()
    {
        var start = _token;
        if (_token.Kind == TokenKind.ArchetypeId || _token is { Kind: TokenKind.Word, IsNodeCode: true })
        {
            var id = Name(_token);
            Advance();
            var name = Accept(TokenKind.Comma, Expectation.Comma) ? ParseNodeName() : null;
            return new NodePredicate(id, name) { Span = SpanFrom(start) };
        }

        if (_token.Kind == TokenKind.Parameter)
        {
            var parameter = ParseParameter();
            return new ParameterPredicate(parameter) { Span = SpanFrom(start) };
        }

        if (IsIdentifier)
        {
            var path = ParseObjectPath();
            if (Is(TokenKind.Comparison, Expectation.ComparisonOperator))
            {
                var op = _token.Operator;
                Advance();
                var value = ParsePredicateOperand();
                return new ComparisonPredicate(path, op, value) { Span = SpanFrom(start) };
            }

            if (AcceptKeyword(Keyword.Matches, Expectation.Matches))
            {
                Expect(Expectation.Regex);
                if (_token.Kind != TokenKind.LeftBrace || !RelexContainedRegex()) throw Unexpected();
                var regex = _token;
                Advance();
                return new RegexPredicate(path, regex.Value!, regex.Extra) { Span = SpanFrom(start) };
            }

            throw Unexpected();
        }

        Expect(Expectation.NodeId);
        Expect(Expectation.ArchetypeId);
        Expect(Expectation.Parameter);
        Expect(Expectation.Path);
        throw Unexpected();
    }

    /// <summary>The name after the comma of a node predicate: a string, parameter, term code or node code.</summary>
    private AqlExpression ParseNodeName()
    {
        var start = _token;
        if (Is(TokenKind.String, Expectation.String)) return ParseLiteral();
        if (Is(TokenKind.Parameter, Expectation.Parameter)) return ParseParameter();
        Expect(Expectation.TermCode);
        if (RelexTermCode())
        {
            var text = Text(_token);
            Advance();
            return TermCode(text) with { Span = SpanFrom(start) };
        }

        Expect(Expectation.NodeId);
        if (_token is { Kind: TokenKind.Word, IsNodeCode: true })
        {
            var code = Name(_token);
            Advance();
            return new CodeLiteral(code) { Span = SpanFrom(start) };
        }

        throw Unexpected();
    }

    private static TermCodeLiteral TermCode(string text)
    {
        var separator = text.IndexOf("::", StringComparison.Ordinal);
        var left = text[..separator];
        var right = text[(separator + 2)..];
        string? version = null;
        var open = left.IndexOf('(');
        if (open >= 0)
        {
            version = left[(open + 1)..^1];
            left = left[..open];
        }

        string? display = null;
        var bar = right.IndexOf('|');
        if (bar >= 0)
        {
            display = right[(bar + 1)..^1];
            right = right[..bar];
        }

        return new TermCodeLiteral(left, right, version, display);
    }

    // pathPredicateOperand: primitive | objectPath | PARAMETER | ID_CODE | AT_CODE
    private AqlExpression ParsePredicateOperand()
    {
        if (IsLiteralStart) return ParseLiteral();
        if (_token.Kind == TokenKind.Parameter) return ParseParameter();
        if (_token is { Kind: TokenKind.Word, IsNodeCode: true })
        {
            var start = _token;
            Advance();
            return new CodeLiteral(Name(start)) { Span = SpanFrom(start) };
        }

        if (IsIdentifier) return ParseObjectPath();
        Expect(Expectation.Literal);
        Expect(Expectation.Parameter);
        Expect(Expectation.NodeId);
        Expect(Expectation.Path);
        throw Unexpected();
    }

    // versionPredicate: LATEST_VERSION | ALL_VERSIONS | standardPredicate
    private PathPredicate ParseVersionPredicate()
    {
        var start = _token;
        if (AcceptKeyword(Keyword.LatestVersion, Expectation.LatestVersion)) return new LatestVersionPredicate { Span = SpanFrom(start) };
        if (AcceptKeyword(Keyword.AllVersions, Expectation.AllVersions)) return new AllVersionsPredicate { Span = SpanFrom(start) };
        Expect(Expectation.Path);
        if (!IsIdentifier) throw Unexpected();
        var path = ParseObjectPath();
        var op = Consume(TokenKind.Comparison, Expectation.ComparisonOperator).Operator;
        var value = ParsePredicateOperand();
        return new ComparisonPredicate(path, op, value) { Span = SpanFrom(start) };
    }
}
