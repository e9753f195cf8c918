using System.Globalization;
using Fkj.Cdr.Terminology.Ecl.Syntax;

namespace Fkj.Cdr.Terminology.Ecl.Parsing;

/// <summary>
/// The small things: concept references and their terms, alternate identifiers, comparison operators,
/// attribute values (expressions, <c>#</c> numbers, search terms, booleans), times, identifiers and
/// field names, each checked against the grammar's character rules.
/// </summary>
internal sealed partial class EclReader
{
    private static readonly string[] EqualityOperators = ["'='", "'!='"];
    private static readonly string[] AllOperators = ["'='", "'!='", "'<'", "'<='", "'>'", "'>='"];

    // --- concepts ----------------------------------------------------------------------------------

    private EclConceptReference ReadConceptReference()
    {
        var token = Peek();
        if (token.Kind != EclTokenKind.Number) throw Expected(token, "a concept id");
        Advance();
        var id = ReadSctId(token, "concept");
        string? term = null;
        if (Peek().Kind == EclTokenKind.Term) term = ReadTerm(Advance());
        return new EclConceptReference(id, term) { Span = SpanFrom(token.Start) };
    }

    /// <summary><c>sctId = digitNonZero 5*17digit</c>: 6 to 18 digits, the first not 0.</summary>
    private long ReadSctId(EclToken token, string what)
    {
        var text = TextOf(token);
        if (text.Length is < 6 or > 18 || text[0] == '0')
            throw Error(token, $"'{Shorten(text)}' is not a {what} identifier: a SNOMED CT identifier has 6 to 18 digits and does not start with 0");
        return long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The text between pipes, without the white space around it: words of visible characters separated
    /// by spaces only (<c>term = 1*nonwsNonPipe *(1*SP 1*nonwsNonPipe)</c>).
    /// </summary>
    private string ReadTerm(EclToken token)
    {
        var from = token.Start + 1;
        var to = token.End - 1;
        while (from < to && _text[from] is ' ' or '\t' or '\r' or '\n') from++;
        while (to > from && _text[to - 1] is ' ' or '\t' or '\r' or '\n') to--;
        if (from == to) throw Error(token, "the term between pipes is empty");
        for (var i = from; i < to; i++)
        {
            var c = _text[i];
            if (c is '\t' or '\r' or '\n')
                throw ErrorAt(i, "a term may separate its words with spaces only, not tabs or line breaks");
            if (char.IsControl(c))
                throw ErrorAt(i, $"a term cannot hold the control character {EclLexer.Describe(_text, i)}");
            if (IsLoneSurrogate(_text, i))
                throw ErrorAt(i, $"a term cannot hold {EclLexer.Describe(_text, i)}, half a character");
        }

        return _text[from..to];
    }

    /// <summary><c>LOINC#54486-6</c>, or quoted <c>"LOINC#54486-6"</c>, with an optional term.</summary>
    private EclAlternateIdentifier ReadAlternateIdentifier()
    {
        var token = Advance();
        string scheme, code;
        if (token.Kind == EclTokenKind.AlternateIdentifier)
        {
            var text = TextOf(token);
            var hash = text.IndexOf('#');
            scheme = text[..hash];
            code = text[(hash + 1)..];
        }
        else
        {
            var content = _text.AsSpan(token.Start + 1, token.Length - 2);
            var hash = content.IndexOf('#');
            if (hash < 1 || !EclCharacters.IsAlias(content[..hash]))
                throw Error(token, "a quoted string stands here only as an alternate identifier \"scheme#code\", whose scheme starts with a letter and holds letters, digits and '-'");
            var codeSpan = content[(hash + 1)..];
            if (codeSpan.IsEmpty) throw Error(token, "the alternate identifier has no code after '#'");
            var bad = codeSpan.IndexOfAny('\\', '"');
            if (bad >= 0) throw ErrorAt(token.Start + 2 + hash + bad, "the code of a quoted alternate identifier cannot hold '\\' or '\"'");
            CheckNoControl(token.Start + 2 + hash, codeSpan);
            scheme = content[..hash].ToString();
            code = codeSpan.ToString();
        }

        string? term = null;
        if (Peek().Kind == EclTokenKind.Term) term = ReadTerm(Advance());
        return new EclAlternateIdentifier(scheme, code, term) { Span = SpanFrom(token.Start) };
    }

    // --- operators ---------------------------------------------------------------------------------

    /// <summary>
    /// A comparison operator. <c>=</c> and <c>!=</c> always (with the long syntax's <c>&lt;&gt;</c> and
    /// <c>NOT =</c>); <c>&lt; &lt;= &gt; &gt;=</c> only where <paramref name="ordering"/> allows them.
    /// </summary>
    private EclComparisonOperator ReadComparisonOperator(bool ordering, string what)
    {
        var token = Peek();
        EclComparisonOperator? found = token.Kind switch
        {
            EclTokenKind.Equals => EclComparisonOperator.Equal,
            EclTokenKind.NotEquals or EclTokenKind.LessGreater => EclComparisonOperator.NotEqual,
            EclTokenKind.LessThan => EclComparisonOperator.LessThan,
            EclTokenKind.LessOrEqual => EclComparisonOperator.LessThanOrEqual,
            EclTokenKind.GreaterThan => EclComparisonOperator.GreaterThan,
            EclTokenKind.GreaterOrEqual => EclComparisonOperator.GreaterThanOrEqual,
            _ => null,
        };
        if (found is null && IsWord(token, "not") && Peek(1).Kind == EclTokenKind.Equals)
        {
            Advance();
            Advance();
            return EclComparisonOperator.NotEqual;
        }

        if (found is null) throw Expected(token, ordering ? AllOperators : EqualityOperators);
        if (!ordering && found is not (EclComparisonOperator.Equal or EclComparisonOperator.NotEqual))
            throw Error(token, $"{what} takes only '=' or '!='", EqualityOperators);
        Advance();
        return found.Value;
    }

    private static bool IsOrdering(EclComparisonOperator @operator) =>
        @operator is not (EclComparisonOperator.Equal or EclComparisonOperator.NotEqual);

    // --- attribute values --------------------------------------------------------------------------

    /// <summary>
    /// The comparison of an attribute: an expression after <c>=</c>/<c>!=</c>, or a concrete value
    /// (<c>#number</c> with any operator; a string search term or <c>true</c>/<c>false</c> after <c>=</c>/<c>!=</c>).
    /// </summary>
    private EclComparison ReadAttributeComparison()
    {
        var start = Peek().Start;
        var @operator = ReadComparisonOperator(ordering: true, "an attribute");
        var value = Peek();
        if (value.Kind == EclTokenKind.HashNumber)
            return new EclNumericComparison(@operator, ReadNumber(Advance())) { Span = SpanFrom(start) };
        if (value.Kind == EclTokenKind.Hash)
            throw Error(value, "a number must follow '#' directly, as in #500 or #-2.5");
        if (IsOrdering(@operator))
            throw Error(value, $"'{TextOf(_tokens[_position - 1])}' compares numbers: expected '#' and a number", "'#'");
        if (StringValueAhead())
            return new EclStringComparison(@operator, ReadSearchTerms()) { Span = SpanFrom(start) };
        if (ReadBoolean() is { } boolean)
            return new EclBooleanComparison(@operator, boolean) { Span = SpanFrom(start) };
        if (!StartsSubExpression(value))
            throw Expected(value, "a value: an expression constraint, '#' and a number, a quoted string, true or false");
        return new EclExpressionComparison(@operator, ReadSubExpression()) { Span = SpanFrom(start) };
    }

    /// <summary>
    /// <c>numericValue = ["-"/"+"] (decimalValue / integerValue)</c>, where an integer has no leading
    /// zeros. The value keeps the scale written.
    /// </summary>
    private decimal ReadNumber(EclToken token)
    {
        var text = _text.AsSpan(token.Start + 1, token.Length - 1);
        var digits = text[0] is '-' or '+' ? text[1..] : text;
        var point = digits.IndexOf('.');
        var integer = point < 0 ? digits : digits[..point];
        if (integer.Length > 1 && integer[0] == '0')
            throw Error(token, $"the number '{Shorten(text.ToString())}' has a leading zero");
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            throw Error(token, $"the number '{Shorten(text.ToString())}' is too large");
        return value;
    }

    /// <summary><c>nonNegativeIntegerValue</c>, no leading zeros, as an int.</summary>
    private int ReadNonNegativeInteger(EclToken token)
    {
        var text = TextOf(token);
        if (text.Length > 1 && text[0] == '0') throw Error(token, $"the number '{Shorten(text)}' has a leading zero");
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            throw Error(token, $"the number '{Shorten(text)}' is too large");
        return value;
    }

    private bool? ReadBoolean()
    {
        var token = Peek();
        bool? value = WordOf(token) switch
        {
            "true" => true,
            "false" => false,
            _ => null,
        };
        if (value is not null) Advance();
        return value;
    }

    // --- search terms ------------------------------------------------------------------------------

    /// <summary>
    /// Whether a string value (a search term or a set of them) starts where an expression could stand too.
    /// A quoted <c>scheme#code</c> there is an alternate identifier, as the official grammar tries the
    /// expression first: <c>= "LOINC#54486-6"</c> and <c>= ("LOINC#54486-6")</c> are expressions,
    /// <c>= match:"LOINC#54486-6"</c> and <c>= ("LOINC#54486-6" "x")</c> strings.
    /// </summary>
    private bool StringValueAhead()
    {
        if (QuotedAlternateIdentifierAt(0)) return false;
        if (Peek().Kind == EclTokenKind.LeftParen && QuotedAlternateIdentifierAt(1) && !SearchTermAt(2)) return false;
        return SearchTermsAhead();
    }

    private bool QuotedAlternateIdentifierAt(int ahead)
    {
        var token = Peek(ahead);
        return token.Kind == EclTokenKind.String && EclCharacters.IsQuotedAlternateIdentifier(_text.AsSpan(token.Start + 1, token.Length - 2));
    }

    /// <summary>Whether a typed search term, or a set of them in parentheses, starts here.</summary>
    private bool SearchTermsAhead() =>
        SearchTermAt(0) || (Peek().Kind == EclTokenKind.LeftParen && SearchTermAt(1));

    private bool SearchTermAt(int ahead)
    {
        var token = Peek(ahead);
        return token.Kind == EclTokenKind.String
            || ((IsWord(token, "match") || IsWord(token, "wild")) && Peek(ahead + 1).Kind == EclTokenKind.Colon);
    }

    /// <summary><c>typedSearchTerm / typedSearchTermSet</c>; the terms of a set are separated by white space.</summary>
    private EclList<EclTypedSearchTerm> ReadSearchTerms()
    {
        if (Peek().Kind != EclTokenKind.LeftParen) return [ReadTypedSearchTerm()];
        Advance();
        var terms = new List<EclTypedSearchTerm> { ReadTypedSearchTerm() };
        while (SearchTermAt(0))
        {
            RequireSpaceBefore(Peek(), "a search term");
            terms.Add(ReadTypedSearchTerm());
        }

        Expect(EclTokenKind.RightParen, "a quoted search term", "')'");
        return EclList.From(terms);
    }

    private EclTypedSearchTerm ReadTypedSearchTerm()
    {
        var token = Peek();
        var type = EclSearchType.Match;
        if (IsWord(token, "match") || IsWord(token, "wild"))
        {
            type = IsWord(token, "wild") ? EclSearchType.Wild : EclSearchType.Match;
            Advance();
            Expect(EclTokenKind.Colon, "':'");
        }

        var quoted = Peek();
        if (quoted.Kind != EclTokenKind.String)
            throw type == EclSearchType.Match && quoted.Start == token.Start
                ? Expected(quoted, "a quoted search term", "match:", "wild:")
                : Expected(quoted, "a quoted search term");
        Advance();
        var text = _text.Substring(quoted.Start + 1, quoted.Length - 2);
        CheckSearchTerm(quoted.Start + 1, text, type);
        return new EclTypedSearchTerm(type, text) { Span = SpanFrom(token.Start) };
    }

    /// <summary>
    /// Match terms: one or more words, where <c>\</c> escapes only <c>"</c> and <c>\</c>. Wild terms:
    /// any characters, where <c>\</c> escapes <c>"</c>, <c>\</c> and <c>*</c>. No control characters but white space.
    /// </summary>
    private void CheckSearchTerm(int offset, string text, EclSearchType type)
    {
        if (text.Length == 0 || (type == EclSearchType.Match && text.AsSpan().Trim(" \t\r\n").IsEmpty))
            throw ErrorAt(offset - 1, "the search term is empty");
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\')
            {
                var next = text[i + 1];
                if (!(next is '"' or '\\' || (next == '*' && type == EclSearchType.Wild)))
                    throw ErrorAt(offset + i, type == EclSearchType.Wild
                        ? "'\\' escapes only '\"', '\\' and '*' in a wild search term"
                        : "'\\' escapes only '\"' and '\\' in a search term");
                i++;
            }
            else if (char.IsControl(c) && c is not ('\t' or '\r' or '\n'))
            {
                throw ErrorAt(offset + i, $"a search term cannot hold the control character {EclLexer.Describe(text, i)}");
            }
            else if (IsLoneSurrogate(text, i))
            {
                throw ErrorAt(offset + i, $"a search term cannot hold {EclLexer.Describe(text, i)}, half a character");
            }
        }
    }

    private void CheckNoControl(int offset, ReadOnlySpan<char> text)
    {
        var whole = text.ToString();
        for (var i = 0; i < whole.Length; i++)
            if ((char.IsControl(whole[i]) && whole[i] is not ('\t' or '\r' or '\n')) || IsLoneSurrogate(whole, i))
                throw ErrorAt(offset + i, $"unexpected character {EclLexer.Describe(whole, i)}");
    }

    /// <summary>Half of a UTF-16 surrogate pair without the other half: no character at all, and not UTF-8.</summary>
    private static bool IsLoneSurrogate(string text, int i) =>
        (char.IsHighSurrogate(text[i]) && (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])))
        || (char.IsLowSurrogate(text[i]) && (i == 0 || !char.IsHighSurrogate(text[i - 1])));

    // --- times, identifiers, names -----------------------------------------------------------------

    /// <summary><c>timeValue = QM [year month day] QM</c>: <c>"20210131"</c> or <c>""</c>.</summary>
    private string ReadTime()
    {
        var token = Peek();
        if (token.Kind != EclTokenKind.String) throw Expected(token, "a time in quotes, \"YYYYMMDD\"");
        Advance();
        var text = _text.Substring(token.Start + 1, token.Length - 2);
        if (text.Length == 0) return text;
        var valid = text.Length == 8 && !text.AsSpan().ContainsAnyExceptInRange('0', '9') && text[0] != '0'
            && int.Parse(text.AsSpan(4, 2), CultureInfo.InvariantCulture) is >= 1 and <= 12
            && int.Parse(text.AsSpan(6, 2), CultureInfo.InvariantCulture) is >= 1 and <= 31;
        if (!valid) throw Error(token, $"{Describe(token)} is not a time: write \"YYYYMMDD\" (month 01-12, day 01-31) or \"\"");
        return text;
    }

    /// <summary>A time or a set of times in parentheses, separated by white space.</summary>
    private EclList<string> ReadTimes()
    {
        if (Peek().Kind != EclTokenKind.LeftParen) return [ReadTime()];
        Advance();
        var times = new List<string> { ReadTime() };
        while (Peek().Kind == EclTokenKind.String)
        {
            RequireSpaceBefore(Peek(), "a time");
            times.Add(ReadTime());
        }

        Expect(EclTokenKind.RightParen, "a time in quotes", "')'");
        return EclList.From(times);
    }

    /// <summary><c>refsetFieldName = 1*alpha</c>.</summary>
    private string ReadFieldName()
    {
        var token = Peek();
        if (token.Kind != EclTokenKind.Word) throw Expected(token, "a refset field name");
        var text = TextOf(token);
        if (text.AsSpan().ContainsAnyExcept(EclCharacters.Letters))
            throw Error(token, $"'{Shorten(text)}' is not a refset field name: a field name has letters only");
        Advance();
        return text;
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..37] + "..." : text;
}
