using System.Text;
using Fkj.Cdr.Aql.Parsing;

namespace Fkj.Cdr.Aql.Tests.Fuzzing;

/// <summary>
/// Rewrites canonical query text into an equivalent form, token by token as the parser reads it (so term
/// codes, URIs and contained regexes stay whole): keywords in random case,
/// <c>ASC</c>/<c>DESC</c> spelled out, strings in double quotes, and whitespace, line breaks and
/// comments between tokens (also where the canonical text has none). The parser must read the same tree.
/// </summary>
internal static class TextVariations
{
    /// <summary>Keywords whose case the tree does not keep (aliases and function names are left alone).</summary>
    private static readonly HashSet<string> Structural = new(StringComparer.OrdinalIgnoreCase)
    {
        "SELECT", "FROM", "WHERE", "ORDER", "BY", "LIMIT", "OFFSET", "DISTINCT", "TOP", "FORWARD", "BACKWARD", "AS",
        "CONTAINS", "AND", "OR", "NOT", "EXISTS", "LIKE", "MATCHES", "NULL", "TRUE", "FALSE", "ASC", "DESC",
        "VERSION", "LATEST_VERSION", "ALL_VERSIONS", "TERMINOLOGY", "IS",
    };

    private static readonly string[] Gaps = [" ", "  ", "\n", "\t", "\r\n  ", " -- a comment\n", "\n-- another -- one\n\t", " \uFEFF "];

    /// <summary>An equivalent text: the tokens the parser consumed, rewritten and joined by random gaps.</summary>
    public static string Vary(string canonical, Random random)
    {
        var tokens = new List<Token>();
        new Parser(canonical, tokens).ParseQuery();
        var output = new StringBuilder(canonical.Length * 2);
        output.Append(random.Next(4) == 0 ? Pick(Gaps, random) : "");
        var previous = default(Token);
        foreach (var token in tokens)
        {
            if (output.Length > 0 || previous.Length > 0)
            {
                var gapped = token.Start > previous.End || random.Next(5) == 0;
                if (gapped && previous.Length > 0)
                {
                    var gap = Pick(Gaps, random);
                    if (previous.Kind == TokenKind.Minus && gap.TrimStart(' ', '\t', '\r', '\n', '\uFEFF').StartsWith('-')) gap = " ";
                    output.Append(gap);
                }
            }

            var text = canonical.Substring(token.Start, token.Length);
            if (token.Kind == TokenKind.Word && Structural.Contains(text))
            {
                if (random.Next(3) == 0 && text is "ASC" or "DESC") text += "ENDING";
                text = RandomCase(text, random);
            }
            else if (token.Kind == TokenKind.String && random.Next(2) == 0 && !text.Contains('"') && !text.Contains("\\'", StringComparison.Ordinal))
            {
                text = "\"" + text[1..^1] + "\"";
            }

            output.Append(text);
            previous = token;
        }

        output.Append(random.Next(4) == 0 ? Pick(Gaps, random) : "");
        return output.ToString();
    }

    private static string RandomCase(string text, Random random) => random.Next(3) switch
    {
        0 => text.ToLowerInvariant(),
        1 => text.ToUpperInvariant(),
        _ => string.Create(text.Length, (text, random), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                var c = state.text[i];
                span[i] = state.random.Next(2) == 0 ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c);
            }
        }),
    };

    private static string Pick(string[] items, Random random) => items[random.Next(items.Length)];
}
