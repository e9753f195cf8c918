using System.Text;
using Fkj.Cdr.Aql.Parsing;

namespace Fkj.Cdr.Aql.Tests.Fuzzing;

/// <summary>
/// Breaks query text at random, by characters and by tokens: deletions, insertions of characters that
/// matter to AQL (and some that do not belong at all), duplications, truncations, swapped tokens, stray
/// keywords and deep runs of brackets.
/// </summary>
internal static class Mutations
{
    private const string Alphabet = "()[]{},/*-=!<>'\"$:;.|\\?_ \n\t\r0123456789aetzAZ#@%&^~`+";

    private static readonly string[] Exotic = ["\0", "\u00A0", "\uFEFF", "\uD800", "\uDC00", "😀", "æ", "\u2028", "\u200B", "\x7f"];

    private static readonly string[] Fragments =
    [
        "SELECT", "FROM", "WHERE", "ORDER BY", "LIMIT", "OFFSET", "CONTAINS", "NOT CONTAINS", "AND", "OR", "NOT", "EXISTS",
        "LIKE", "MATCHES", "IS NULL", "IS NOT", "NULL", "TRUE", "DISTINCT", "TOP", "AS", "VERSION", "LATEST_VERSION",
        "ALL_VERSIONS", "TERMINOLOGY(", "COUNT(*)", "MAX(", "LENGTH(", "at0001", "id2.1", "openEHR-EHR-OBSERVATION.x.v1",
        "org.openehr::", "$p", ":p", "'s'", "\"d\"", "1.5", "-", "--", "1e999", "99999999999999999999", "::", "{/a/}",
        "{/", "terminology://x", "|t|", "local::at0001|x|", ",", "/", "[", "]", "(", ")", "{", "}", "e", "o/x", "= NULL",
    ];

    public static string Mutate(string text, Random random)
    {
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++) text = MutateOnce(text, random);
        return text;
    }

    private static string MutateOnce(string text, Random random)
    {
        if (text.Length == 0) return Fragments[random.Next(Fragments.Length)];
        var position = random.Next(text.Length + 1);
        switch (random.Next(12))
        {
            case 0: // delete characters
                return text.Remove(Math.Min(position, text.Length - 1), Math.Min(random.Next(1, 6), text.Length - Math.Min(position, text.Length - 1)));
            case 1: // insert characters
                var inserted = new StringBuilder();
                for (var i = random.Next(1, 4); i > 0; i--) inserted.Append(Alphabet[random.Next(Alphabet.Length)]);
                return text.Insert(position, inserted.ToString());
            case 2: // replace a character
                return position < text.Length ? text.Remove(position, 1).Insert(position, Alphabet[random.Next(Alphabet.Length)].ToString()) : text;
            case 3: // insert something exotic
                return text.Insert(position, Exotic[random.Next(Exotic.Length)]);
            case 4: // duplicate a slice
                var length = random.Next(1, Math.Min(40, text.Length - Math.Min(position, text.Length - 1)) + 1);
                var start = Math.Min(position, text.Length - 1);
                return text.Insert(start, text.Substring(start, Math.Min(length, text.Length - start)));
            case 5: // truncate
                return text[..position];
            case 6: // insert a run of brackets
                var bracket = "([{"[random.Next(3)];
                return text.Insert(position, new string(bracket, random.Next(1, 400)));
            default:
                return MutateTokens(text, random);
        }
    }

    private static string MutateTokens(string text, Random random)
    {
        var tokens = Tokens(text);
        if (tokens.Count == 0) return text;
        var index = random.Next(tokens.Count);
        var (start, end) = tokens[index];
        switch (random.Next(5))
        {
            case 0: // delete a token
                return text.Remove(start, end - start);
            case 1: // duplicate a token
                return text.Insert(end, " " + text[start..end]);
            case 2: // swap with the next token
                if (index + 1 >= tokens.Count) return text;
                var (nextStart, nextEnd) = tokens[index + 1];
                return text[..start] + text[nextStart..nextEnd] + text[end..nextStart] + text[start..end] + text[nextEnd..];
            case 3: // insert a fragment before the token
                return text.Insert(start, Fragments[random.Next(Fragments.Length)] + " ");
            default: // replace the token with a fragment
                return text[..start] + Fragments[random.Next(Fragments.Length)] + text[end..];
        }
    }

    private static List<(int Start, int End)> Tokens(string text)
    {
        var lexer = new Lexer(text);
        var tokens = new List<(int, int)>();
        for (var token = lexer.Next(); token.Kind != TokenKind.End; token = lexer.Next())
        {
            if (token.Length == 0) break;
            tokens.Add((token.Start, token.End));
        }

        return tokens;
    }
}
