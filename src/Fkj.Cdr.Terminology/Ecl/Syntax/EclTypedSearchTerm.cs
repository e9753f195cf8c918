using System.Text;

namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary>
/// A search term, <c>"heart att"</c>, <c>match:"heart att"</c> or <c>wild:"cardi*opathy"</c>.
/// <see cref="Text"/> is exactly what stood between the quotes, escapes included (<c>\"</c>,
/// <c>\\</c>, and in wild terms <c>\*</c> for a literal star); <see cref="Words"/> and
/// <see cref="Unescaped"/> decode it.
/// </summary>
public sealed record EclTypedSearchTerm(EclSearchType Type, string Text) : EclNode
{
    /// <summary>The text with its escapes resolved (a wild term's <c>\*</c> becomes <c>*</c>, so use <see cref="Text"/> for patterns).</summary>
    public string Unescaped
    {
        get
        {
            if (!Text.Contains('\\')) return Text;
            var builder = new StringBuilder(Text.Length);
            for (var i = 0; i < Text.Length; i++)
            {
                if (Text[i] == '\\' && i + 1 < Text.Length) i++;
                builder.Append(Text[i]);
            }

            return builder.ToString();
        }
    }

    /// <summary>The words of a match term, unescaped, split at white space.</summary>
    public IReadOnlyList<string> Words =>
        Unescaped.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
}
