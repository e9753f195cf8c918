using System.Runtime.CompilerServices;
using Fkj.Cdr.Aql.Syntax;

namespace Fkj.Cdr.Aql.Parsing;

/// <summary>
/// The recursive-descent parser behind <see cref="AqlParser"/>: one instance per query. This part holds
/// the token plumbing, the bookkeeping of what was expected at the current token, nesting and errors; the
/// other parts follow the grammar clause by clause.
/// </summary>
internal sealed partial class Parser
{
    private readonly string _text;
    private readonly Lexer _lexer;
    private readonly VariableScope _scope = new();

    /// <summary>Nodes of the lists being built, innermost last (one stack for all, reused per thread).</summary>
    private readonly List<AqlNode> _items;

    [ThreadStatic]
    private static List<AqlNode>? t_items;

    /// <summary>Set once FROM is parsed: from then on every path's variable is checked where it is read.</summary>
    private bool _fromParsed;
    private Token _token;
    private Token _peeked;
    private bool _hasPeeked;

    /// <summary>Every alternative tried at the current token, one bit per <see cref="Expectation"/>.</summary>
    private ulong _expected;

    private int _depth;

    /// <summary>Where the last consumed token ended, for the spans of the nodes that end with it.</summary>
    private int _lastEnd;

    /// <summary>Every token the parser consumed, when asked for (tests vary query text token by token).</summary>
    private readonly List<Token>? _trace;

    public Parser(string text, List<Token>? trace = null)
    {
        _text = text;
        _items = t_items ?? new List<AqlNode>(32);
        t_items = null;
        _items.Clear();
        _lexer = new Lexer(text);
        _token = _lexer.Next();
        _trace = trace;
    }

    private void Advance()
    {
        _trace?.Add(_token);
        _lastEnd = _token.End;
        if (_hasPeeked)
        {
            _token = _peeked;
            _hasPeeked = false;
        }
        else
        {
            _token = _lexer.Next();
        }

        _expected = 0;
    }

    /// <summary>The token after the current one (read once, kept until the parser moves on).</summary>
    private TokenKind PeekKind()
    {
        if (!_hasPeeked)
        {
            _peeked = _lexer.Next();
            _hasPeeked = true;
        }

        return _peeked.Kind;
    }

    private void Expect(Expectation expectation) => _expected |= Expectations.Bit(expectation);

    private bool Is(TokenKind kind, Expectation expectation)
    {
        Expect(expectation);
        return _token.Kind == kind;
    }

    private bool IsKeyword(Keyword keyword, Expectation expectation)
    {
        Expect(expectation);
        return _token.Kind == TokenKind.Word && _token.Keyword == keyword;
    }

    private bool Accept(TokenKind kind, Expectation expectation)
    {
        if (!Is(kind, expectation)) return false;
        Advance();
        return true;
    }

    private bool AcceptKeyword(Keyword keyword, Expectation expectation)
    {
        if (!IsKeyword(keyword, expectation)) return false;
        Advance();
        return true;
    }

    private Token Consume(TokenKind kind, Expectation expectation)
    {
        if (!Is(kind, expectation)) throw Unexpected();
        var token = _token;
        Advance();
        return token;
    }

    private void ConsumeKeyword(Keyword keyword, Expectation expectation)
    {
        if (!AcceptKeyword(keyword, expectation)) throw Unexpected();
    }

    /// <summary>An identifier: a word that is neither a keyword nor a node code.</summary>
    private bool IsIdentifier => _token is { Kind: TokenKind.Word, Keyword: Keyword.None, IsNodeCode: false };

    /// <summary>Hands the list stack back to the thread for the next parse.</summary>
    public void Release()
    {
        if (_items.Capacity > 1024) return;
        _items.Clear();
        t_items = _items;
    }

    private string Text(in Token token) => _text.Substring(token.Start, token.Length);

    /// <summary>A name (identifier, node or archetype id), shared across queries.</summary>
    private string Name(in Token token) => NameTable.Get(_text.AsSpan(token.Start, token.Length));

    private static AqlSpan SpanOf(in Token token) => new(token.Start, token.Length, token.Line, token.Column);

    private int Mark() => _items.Count;

    private void Push(AqlNode node) => _items.Add(node);

    /// <summary>The nodes pushed since <paramref name="mark"/>, as a list, taken off the stack.</summary>
    private AqlList<T> Pop<T>(int mark)
        where T : AqlNode
    {
        var count = _items.Count - mark;
        var array = new T[count];
        for (var i = 0; i < count; i++) array[i] = (T)_items[mark + i];
        _items.RemoveRange(mark, count);
        return new AqlList<T>(array);
    }

    private AqlSpan SpanFrom(in Token start) => new(start.Start, _lastEnd - start.Start, start.Line, start.Column);

    /// <summary>One level deeper; refuses nesting beyond <see cref="AqlParser.MaxNesting"/> or the stack's limits.</summary>
    private void Enter()
    {
        if (++_depth > AqlParser.MaxNesting || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw Error(_token, $"the query nests too deeply: more than {AqlParser.MaxNesting} levels of parentheses, NOT, CONTAINS, predicates or function calls");
        }
    }

    private void Leave() => _depth--;

    /// <summary>Reads the current token again as a term code, if it starts one.</summary>
    private bool RelexTermCode()
    {
        var saved = _lexer.State;
        _lexer.Reset(_token);
        if (_lexer.TryTermCode() is { } termCode)
        {
            _token = termCode;
            _hasPeeked = false;
            return true;
        }

        _lexer.State = saved;
        return false;
    }

    /// <summary>Reads the current token (a '{') again as the start of a contained regular expression.</summary>
    private bool RelexContainedRegex()
    {
        var saved = _lexer.State;
        _lexer.Reset(_token);
        if (_lexer.TryContainedRegex() is { } regex)
        {
            _token = regex;
            _hasPeeked = false;
            return true;
        }

        _lexer.State = saved;
        return false;
    }

    /// <summary>With the current token a '{': if a URI follows, moves past the brace to the URI.</summary>
    private bool RelexUriAfterBrace()
    {
        var brace = _token;
        var saved = _lexer.State;
        _lexer.State = (brace.End, brace.Line, brace.Start - brace.Column + 1);
        if (_lexer.TryUri() is { } uri)
        {
            _trace?.Add(brace);
            _lastEnd = brace.End;
            _token = uri;
            _hasPeeked = false;
            _expected = 0;
            return true;
        }

        _lexer.State = saved;
        return false;
    }

    /// <summary>The error for the current token: what was expected there and what was found.</summary>
    private AqlParseException Unexpected()
    {
        if (_token.Kind == TokenKind.Error) return Error(_token, _token.Value!);
        var expected = Expectations.Describe(_expected);
        var what = expected.Count switch
        {
            0 => "unexpected " + Describe(_token),
            1 => $"expected {expected[0]}; found {Describe(_token)}",
            _ => $"expected one of {string.Join(", ", expected)}; found {Describe(_token)}",
        };
        return new AqlParseException(new AqlError(what, _token.Line, _token.Column, _token.Start, expected, _token.Length));
    }

    private static AqlParseException Error(in Token at, string message) =>
        new(new AqlError(message, at.Line, at.Column, at.Start, [], at.Length));

    private string Describe(in Token token)
    {
        if (token.Kind == TokenKind.End) return "end of query";
        const int max = 40;
        var text = token.Length > max ? _text.Substring(token.Start, max) + "..." : Text(token);
        return token.Kind == TokenKind.String ? text : $"'{text}'";
    }
}
