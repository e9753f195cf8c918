using System.Runtime.CompilerServices;
using Fkj.Cdr.Terminology.Ecl.Syntax;

namespace Fkj.Cdr.Terminology.Ecl.Parsing;

/// <summary>
/// The recursive-descent parser behind <see cref="EclParser"/>, one method per grammar rule that
/// carries meaning, over the tokens of <see cref="EclLexer"/>. This part holds the token cursor, the
/// nesting guard and error reporting; the rules are in the other parts (expressions, refinements,
/// values, filters). Where the grammar needs to look ahead (a parenthesised refinement or an attribute
/// name in parentheses, a set of concept references or a nested expression) it scans tokens without
/// consuming them, so nothing is parsed twice.
/// </summary>
internal sealed partial class EclReader
{
    private readonly string _text;
    private readonly List<EclToken> _tokens;
    private int _position;
    private int _depth;
    private int _lastEnd;

    public EclReader(string text)
    {
        _text = text;
        _tokens = EclLexer.Tokenize(text);
    }

    public EclExpression ReadWhole()
    {
        var expression = ReadExpressionConstraint();
        var next = Peek();
        if (next.Kind != EclTokenKind.End)
            throw Expected(next, Continuations(expression, "the end of the expression constraint"));
        return expression;
    }

    // --- tokens ------------------------------------------------------------------------------------

    private EclToken Peek(int ahead = 0)
    {
        var index = _position + ahead;
        return index < _tokens.Count ? _tokens[index] : _tokens[^1];
    }

    private EclToken Advance()
    {
        var token = _tokens[_position];
        if (token.Kind == EclTokenKind.Invalid) throw Error(token, token.Problem!);
        if (token.Kind != EclTokenKind.End) _position++;
        _lastEnd = token.End;
        return token;
    }

    private EclToken Expect(EclTokenKind kind, params string[] expected)
    {
        var token = Peek();
        if (token.Kind != kind) throw Expected(token, expected);
        return Advance();
    }

    private EclSpan SpanFrom(int start) => new(start, _lastEnd);

    private string TextOf(EclToken token) => _text.Substring(token.Start, token.Length);

    private bool IsWord(EclToken token, string word) =>
        token.Kind == EclTokenKind.Word && token.Length == word.Length
        && string.Compare(_text, token.Start, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0;

    /// <summary>The lower-case text of a word token, or null for any other token.</summary>
    private string? WordOf(EclToken token) => token.Kind == EclTokenKind.Word ? TextOf(token).ToLowerInvariant() : null;

    /// <summary>
    /// Splits the word at <paramref name="ahead"/> after <paramref name="prefixLength"/> characters, for
    /// the places where the grammar lets two words touch: <c>{{Cactive = 1}}</c>, <c>R127489000</c>.
    /// </summary>
    private void SplitWord(int ahead, int prefixLength)
    {
        var index = _position + ahead;
        var token = _tokens[index];
        var restStart = token.Start + prefixLength;
        var rest = _text.AsSpan(restStart, token.End - restStart);
        var restKind = rest.ContainsAnyExceptInRange('0', '9') ? EclTokenKind.Word : EclTokenKind.Number;
        _tokens[index] = token with { End = restStart };
        _tokens.Insert(index + 1, new EclToken(restKind, restStart, token.End, false));
    }

    /// <summary>The grammar asks for white space (or a comment) before <paramref name="token"/>.</summary>
    private void RequireSpaceBefore(EclToken token, string after)
    {
        if (!token.SpaceBefore && token.Kind is not (EclTokenKind.End or EclTokenKind.Invalid))
            throw Error(token, $"expected white space after {after}");
    }

    // --- nesting -----------------------------------------------------------------------------------

    private void Enter(EclToken at)
    {
        if (++_depth > EclParser.MaxNestingDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
            throw Error(at, $"the expression constraint nests more than {EclParser.MaxNestingDepth} levels deep");
    }

    private void Leave() => _depth--;

    // --- errors ------------------------------------------------------------------------------------

    private EclParseException Expected(EclToken found, params string[] expected)
    {
        var list = expected.Length switch
        {
            0 => "something else",
            1 => expected[0],
            _ => string.Join(", ", expected[..^1]) + " or " + expected[^1],
        };
        return Error(found, $"expected {list} but found {Describe(found)}", expected);
    }

    private EclParseException Error(EclToken at, string message, params string[] expected) =>
        at.Kind == EclTokenKind.Invalid
            ? ErrorAt(at.Start, at.Problem!)
            : ErrorAt(at.Start, message, expected);

    private EclParseException ErrorAt(int offset, string message, params string[] expected)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset && i < _text.Length; i++)
        {
            var c = _text[i];
            if (c == '\n' || (c == '\r' && (i + 1 >= _text.Length || _text[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new EclParseException(new EclError(message, offset, line, offset - lineStart + 1, expected));
    }

    private string Describe(EclToken token)
    {
        if (token.Kind == EclTokenKind.End) return "the end of the text";
        var text = TextOf(token);
        if (text.Length > 40) text = text[..37] + "...";
        return token.Kind switch
        {
            EclTokenKind.Term => $"the term {text}",
            EclTokenKind.String => $"the string {text}",
            EclTokenKind.Word when text is "AND" or "OR" or "MINUS" or "and" or "or" or "minus" => text,
            _ => $"'{text}'",
        };
    }
}
