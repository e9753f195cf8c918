using System.Globalization;
using System.Text;

namespace Fkj.Cdr.Templates.WebTemplates.Building;

/// <summary>FLAT ids from names: the SDK's <c>buildId</c>.</summary>
internal static class FlatIds
{
    /// <summary>
    /// Letters, digits, <c>.</c>, <c>_</c> and <c>-</c> are kept, runs of anything else become one
    /// <c>_</c>, the ends are trimmed and the result lower-cased; a leading digit gets an <c>a</c>
    /// before it (<c>Blood pressure</c> → <c>blood_pressure</c>, <c>24h urine</c> → <c>a24h_urine</c>).
    /// </summary>
    public static string FromName(string name)
    {
        var text = new StringBuilder(name.Length);
        var pendingSpace = false;
        foreach (var rune in name.EnumerateRunes())
        {
            if (IsKept(rune))
            {
                if (pendingSpace && text.Length > 0) text.Append('_');
                pendingSpace = false;
                text.Append(rune.ToString().ToLowerInvariant());
            }
            else
            {
                pendingSpace = true;
            }
        }

        if (text.Length > 0 && char.IsAsciiDigit(text[0])) text.Insert(0, 'a');
        return text.ToString();
    }

    /// <summary>Java's <c>[\p{IsAlphabetic}0-9._\-]</c>.</summary>
    private static bool IsKept(Rune rune)
    {
        if (rune.Value is '.' or '_' or '-' || (rune.Value is >= '0' and <= '9')) return true;
        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber => true,
            // Other_Alphabetic: most combining vowel signs of Indic and other scripts.
            UnicodeCategory.SpacingCombiningMark => true,
            _ => false,
        };
    }
}
