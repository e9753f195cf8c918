using Fkj.Cdr.Aql.Syntax;

namespace Fkj.Cdr.Aql.Parsing;

/// <summary>
/// Reads AQL tokens one at a time, on the parser's demand, following the lexer grammar of AQL 1.1.
/// Whitespace, a byte order mark and comments (<c>--</c> to the end of the line) are skipped. Keywords
/// are words, recognised in any case. The tokens that only make sense in one place (a term code after
/// the comma of a node predicate, a URI inside MATCHES braces, a contained regular expression) are read
/// only when the parser asks for them, so they never get in the way elsewhere.
/// </summary>
/// <remarks>
/// The lexer never throws: text it cannot read becomes an <see cref="TokenKind.Error"/> token, which the
/// parser reports when it reaches it. Every method moves forward, so lexing is linear in the input.
/// </remarks>
internal sealed class Lexer(string text)
{
    private int _pos;
    private int _line = 1;
    private int _lineStart;

    /// <summary>The position the next token is read from, to save and restore around a tentative read.</summary>
    public (int Pos, int Line, int LineStart) State
    {
        get => (_pos, _line, _lineStart);
        set => (_pos, _line, _lineStart) = value;
    }

    /// <summary>Moves to the start of a token read earlier, to read it again in another way.</summary>
    public void Reset(in Token token) => State = (token.Start, token.Line, token.Start - token.Column + 1);

    public Token Next()
    {
        SkipTrivia();
        if (_pos >= text.Length) return Make(TokenKind.End, _pos, 0);
        var c = text[_pos];
        if (char.IsAsciiLetter(c)) return Word();
        if (char.IsAsciiDigit(c)) return Number(_pos);
        var start = _pos;
        switch (c)
        {
            case '\'' or '"':
                return String(c);
            case '$':
                return Parameter(ParameterStyle.Dollar);
            case ':':
                return Parameter(ParameterStyle.Colon);
            case '.' when _pos + 1 < text.Length && char.IsAsciiDigit(text[_pos + 1]):
                return Number(_pos);
            case ',': return Single(TokenKind.Comma);
            case '(': return Single(TokenKind.LeftParen);
            case ')': return Single(TokenKind.RightParen);
            case '[': return Single(TokenKind.LeftBracket);
            case ']': return Single(TokenKind.RightBracket);
            case '{': return Single(TokenKind.LeftBrace);
            case '}': return Single(TokenKind.RightBrace);
            case '/': return Single(TokenKind.Slash);
            case '*': return Single(TokenKind.Star);
            case '-': return Single(TokenKind.Minus);
            case ';': return Single(TokenKind.Semicolon);
            case '=': return Comparison(ComparisonOperator.Equal, 1);
            case '!' when Peek(1) == '=': return Comparison(ComparisonOperator.NotEqual, 2);
            case '<' when Peek(1) == '=': return Comparison(ComparisonOperator.LessThanOrEqual, 2);
            case '<': return Comparison(ComparisonOperator.LessThan, 1);
            case '>' when Peek(1) == '=': return Comparison(ComparisonOperator.GreaterThanOrEqual, 2);
            case '>': return Comparison(ComparisonOperator.GreaterThan, 1);
        }

        var length = char.IsHighSurrogate(c) && Peek(1) is var low && char.IsLowSurrogate(low) ? 2 : 1;
        _pos += length;
        var shown = char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c) && length == 1
            ? $"U+{(int)c:X4}"
            : $"'{text.AsSpan(start, length)}'";
        return Make(TokenKind.Error, start, length, value: $"unexpected character {shown}");
    }

    /// <summary>
    /// <c>TERM_CODE_CHAR+ ('(' TERM_CODE_CHAR+ ')')? '::' TERM_CODE_CHAR+ ('|' text '|')?</c> at the
    /// current position (<c>local::at0002</c>, <c>SNOMED-CT(2003)::163020007|Heart rate|</c>), or null with
    /// the position unchanged.
    /// </summary>
    public Token? TryTermCode()
    {
        var start = _pos;
        var p = start;
        if (!TermCodeChars(ref p)) return null;
        if (p < text.Length && text[p] == '(')
        {
            p++;
            if (!TermCodeChars(ref p) || p >= text.Length || text[p] != ')') return null;
            p++;
        }

        if (p + 1 >= text.Length || text[p] != ':' || text[p + 1] != ':') return null;
        p += 2;
        if (!TermCodeChars(ref p)) return null;
        if (p < text.Length && text[p] == '|')
        {
            var q = p + 1;
            while (q < text.Length && text[q] is not ('|' or '[' or ']' or '\n' or '\r')) q++;
            if (q < text.Length && text[q] == '|' && q > p + 1) p = q + 1;
        }

        return Advance(TokenKind.TermCode, start, p);
    }

    /// <summary>A URI (<c>scheme:...</c>, RFC 3986 characters) after optional trivia, or null with the position unchanged.</summary>
    public Token? TryUri()
    {
        var saved = State;
        SkipTrivia();
        var start = _pos;
        var p = start;
        if (p >= text.Length || !char.IsAsciiLetter(text[p]))
        {
            State = saved;
            return null;
        }

        while (p < text.Length && (char.IsAsciiLetterOrDigit(text[p]) || text[p] is '+' or '-' or '.')) p++;
        if (p >= text.Length || text[p] != ':' || (p + 1 < text.Length && text[p + 1] == ':'))
        {
            State = saved;
            return null;
        }

        while (p < text.Length && IsUriChar(text[p])) p++;
        var token = Advance(TokenKind.Uri, start, p);
        return token with { Value = text[start..p] };
    }

    /// <summary>
    /// The grammar's CONTAINED_REGEX at the current position: <c>{ /regex/ }</c> or <c>{ /regex/ ; 'assumed' }</c>,
    /// or null with the position unchanged. The pattern is kept as written; a backslash escapes the next character.
    /// </summary>
    public Token? TryContainedRegex()
    {
        var saved = State;
        var start = _pos;
        var line = _line;
        var column = start - _lineStart + 1;
        var p = start;
        if (p >= text.Length || text[p] != '{') return null;
        p = SkipSpaces(p + 1);
        if (p >= text.Length || text[p] != '/')
        {
            State = saved;
            return null;
        }

        var patternStart = ++p;
        while (p < text.Length && text[p] is not ('/' or '\n' or '\r'))
        {
            p += text[p] == '\\' && p + 1 < text.Length && text[p + 1] is not ('\n' or '\r') ? 2 : 1;
        }

        if (p >= text.Length || text[p] != '/' || p == patternStart)
        {
            State = saved;
            return null;
        }

        var pattern = text[patternStart..p];
        p = SkipSpaces(p + 1);
        string? assumed = null;
        if (p < text.Length && text[p] == ';')
        {
            _pos = SkipSpaces(p + 1);
            if (_pos >= text.Length || text[_pos] is not ('\'' or '"'))
            {
                State = saved;
                return null;
            }

            var literal = String(text[_pos]);
            if (literal.Kind != TokenKind.String)
            {
                State = saved;
                return null;
            }

            assumed = literal.Value;
            p = SkipSpaces(_pos);
        }

        if (p >= text.Length || text[p] != '}')
        {
            State = saved;
            return null;
        }

        _pos = p + 1;
        return new Token(TokenKind.Regex, start, _pos - start, line, column, Value: pattern, Extra: assumed);
    }

    private void SkipTrivia()
    {
        while (_pos < text.Length)
        {
            var c = text[_pos];
            if (c == '\n')
            {
                _pos++;
                _line++;
                _lineStart = _pos;
            }
            else if (c is ' ' or '\t' or '\r' or '\uFEFF')
            {
                _pos++;
            }
            else if (c == '-' && Peek(1) == '-')
            {
                while (_pos < text.Length && text[_pos] != '\n') _pos++;
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>Spaces, tabs and line breaks inside a contained regex's braces (the grammar's WS), counting lines.</summary>
    private int SkipSpaces(int p)
    {
        while (p < text.Length && text[p] is ' ' or '\t' or '\r' or '\n')
        {
            if (text[p] == '\n')
            {
                _line++;
                _lineStart = p + 1;
            }

            p++;
        }

        return p;
    }

    private Token Word()
    {
        var start = _pos;
        var p = start + 1;
        while (p < text.Length && IsWordChar(text[p])) p++;
        if (p < text.Length && text[p] is '-' or '.' or ':' && ArchetypeIdEnd(start) is { } end)
        {
            _pos = start;
            return Advance(TokenKind.ArchetypeId, start, end);
        }

        var word = text.AsSpan(start, p - start);
        var isCode = IsNodeCode(word);
        if (isCode)
        {
            // Specialised codes: at0.63, at0001.1.2
            while (p + 1 < text.Length && text[p] == '.' && char.IsAsciiDigit(text[p + 1]))
            {
                p += 2;
                while (p < text.Length && char.IsAsciiDigit(text[p])) p++;
            }
        }

        var keyword = isCode ? Keyword.None : Keywords.Lookup(word);
        _pos = p;
        return new Token(TokenKind.Word, start, p - start, _line, start - _lineStart + 1, keyword, IsNodeCode: isCode);
    }

    /// <summary>
    /// Where an archetype id starting at <paramref name="start"/> ends, or null:
    /// <c>(namespace::)? id-id-id.concept.vN(.N)*(-rc|-alpha(.N)?)?</c>.
    /// </summary>
    private int? ArchetypeIdEnd(int start)
    {
        var p = start;
        var q = start;
        if (Label(ref q))
        {
            while (q + 1 < text.Length && text[q] == '.')
            {
                var r = q + 1;
                if (!Label(ref r)) break;
                q = r;
            }

            if (q + 1 < text.Length && text[q] == ':' && text[q + 1] == ':') p = q + 2;
        }

        if (!Identifier(ref p) || !Char(ref p, '-') || !Identifier(ref p) || !Char(ref p, '-') || !Identifier(ref p) || !Char(ref p, '.'))
        {
            return null;
        }

        if (p >= text.Length || !char.IsAsciiLetter(text[p])) return null;
        while (p < text.Length && (IsWordChar(text[p]) || text[p] == '-')) p++;
        if (!Char(ref p, '.') || !Char(ref p, 'v') || !Digits(ref p)) return null;
        while (p + 1 < text.Length && text[p] == '.' && char.IsAsciiDigit(text[p + 1]))
        {
            p++;
            Digits(ref p);
        }

        foreach (var suffix in (ReadOnlySpan<string>)["-rc", "-alpha"])
        {
            if (text.AsSpan(p).StartsWith(suffix, StringComparison.Ordinal))
            {
                p += suffix.Length;
                if (p + 1 < text.Length && text[p] == '.' && char.IsAsciiDigit(text[p + 1]))
                {
                    p++;
                    Digits(ref p);
                }

                break;
            }
        }

        return p;
    }

    /// <summary>A namespace label: a letter, then letters, digits, '_', '-' or %XX.</summary>
    private bool Label(ref int p)
    {
        if (p >= text.Length || !char.IsAsciiLetter(text[p])) return false;
        p++;
        while (p < text.Length)
        {
            if (IsWordChar(text[p]) || text[p] == '-') p++;
            else if (text[p] == '%' && p + 2 < text.Length && char.IsAsciiHexDigit(text[p + 1]) && char.IsAsciiHexDigit(text[p + 2])) p += 3;
            else break;
        }

        return true;
    }

    private bool Identifier(ref int p)
    {
        if (p >= text.Length || !char.IsAsciiLetter(text[p])) return false;
        p++;
        while (p < text.Length && IsWordChar(text[p])) p++;
        return true;
    }

    private bool Char(ref int p, char c)
    {
        if (p >= text.Length || text[p] != c) return false;
        p++;
        return true;
    }

    private bool Digits(ref int p)
    {
        var start = p;
        while (p < text.Length && char.IsAsciiDigit(text[p])) p++;
        return p > start;
    }

    private bool TermCodeChars(ref int p)
    {
        var start = p;
        while (p < text.Length && (IsWordChar(text[p]) || text[p] is '-' or '.')) p++;
        return p > start;
    }

    private Token Number(int start)
    {
        var p = start;
        var kind = TokenKind.Integer;
        while (p < text.Length && char.IsAsciiDigit(text[p])) p++;
        if (p + 1 < text.Length && text[p] == '.' && char.IsAsciiDigit(text[p + 1]))
        {
            p += 2;
            while (p < text.Length && char.IsAsciiDigit(text[p])) p++;
            kind = TokenKind.Real;
        }

        if (p < text.Length && text[p] is 'e' or 'E')
        {
            var q = p + 1;
            if (q < text.Length && text[q] is '+' or '-') q++;
            if (q < text.Length && char.IsAsciiDigit(text[q]))
            {
                p = q;
                while (p < text.Length && char.IsAsciiDigit(text[p])) p++;
                kind = TokenKind.Real;
            }
        }

        return Advance(kind, start, p);
    }

    private Token String(char quote)
    {
        var start = _pos;
        var line = _line;
        var column = start - _lineStart + 1;
        var p = start + 1;
        var escapes = false;
        while (p < text.Length && text[p] != quote)
        {
            if (text[p] == '\\')
            {
                escapes = true;
                p++;
                if (p >= text.Length) break;
            }

            if (text[p] == '\n')
            {
                _line++;
                _lineStart = p + 1;
            }

            p++;
        }

        if (p >= text.Length)
        {
            _pos = text.Length;
            return new Token(TokenKind.Error, start, text.Length - start, line, column,
                Value: "the string that starts here is not terminated: a closing " + (quote == '\'' ? "' (single quote)" : "\" (double quote)") + " is missing");
        }

        _pos = p + 1;
        var body = text.AsSpan(start + 1, p - start - 1);
        return new Token(TokenKind.String, start, _pos - start, line, column,
            Value: escapes ? StringLiterals.Decode(body, likePattern: false) : body.ToString(), HasEscapes: escapes);
    }

    private Token Parameter(ParameterStyle style)
    {
        var start = _pos;
        var p = start + 1;
        if (p >= text.Length || !char.IsAsciiLetter(text[p]))
        {
            _pos = p;
            return Make(TokenKind.Error, start, 1, value: style == ParameterStyle.Dollar
                ? "'$' must be followed by a parameter name (a letter, then letters, digits or '_')"
                : "unexpected ':' (a parameter is written $name or :name, a term code terminology::code)");
        }

        while (p < text.Length && IsWordChar(text[p])) p++;
        var token = Advance(TokenKind.Parameter, start, p);
        return token with { Value = text[(start + 1)..p] };
    }

    private Token Comparison(ComparisonOperator op, int length)
    {
        var token = Make(TokenKind.Comparison, _pos, length) with { Operator = op };
        _pos += length;
        return token;
    }

    private Token Single(TokenKind kind)
    {
        var token = Make(kind, _pos, 1);
        _pos++;
        return token;
    }

    /// <summary>A token from <paramref name="start"/> (on the current line) to <paramref name="end"/>, moving past it.</summary>
    private Token Advance(TokenKind kind, int start, int end)
    {
        var token = Make(kind, start, end - start);
        _pos = end;
        return token;
    }

    private Token Make(TokenKind kind, int start, int length, string? value = null) =>
        new(kind, start, length, _line, start - _lineStart + 1, Value: value);

    private char Peek(int ahead) => _pos + ahead < text.Length ? text[_pos + ahead] : '\0';

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static bool IsNodeCode(ReadOnlySpan<char> word)
    {
        if (word.Length < 3 || !(word.StartsWith("at", StringComparison.Ordinal) || word.StartsWith("id", StringComparison.Ordinal))) return false;
        foreach (var c in word[2..])
        {
            if (!char.IsAsciiDigit(c)) return false;
        }

        return true;
    }

    private static bool IsUriChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or '%' or '!' or '$' or '&' or '\'' or '(' or ')'
            or '*' or '+' or ',' or ';' or '=' or ':' or '@' or '/' or '?' or '#' or '[' or ']';
}
