using System.Text;

namespace Fkj.Cdr.Aql.Parsing;

/// <summary>
/// Decodes the text between a string literal's quotes. The escapes are the grammar's: <c>\' \" \? \\</c>,
/// <c>\a \b \f \n \r \t \v</c>, <c>\uXXXX</c> and octal <c>\7</c>, <c>\77</c>, <c>\377</c>. A backslash
/// before anything else is kept as written (<c>'C:\data'</c> stays <c>C:\data</c>) rather than refused.
/// </summary>
internal static class StringLiterals
{
    /// <summary>
    /// The decoded text. With <paramref name="likePattern"/>, the result is a <see cref="Syntax.LikePattern"/>:
    /// characters written plainly keep their meaning (<c>*</c> and <c>?</c> are wildcards), <c>\*</c> is an
    /// escape too, and every character that came from an escape sequence and is <c>\</c>, <c>*</c> or
    /// <c>?</c> gets a backslash, so it stays literal.
    /// </summary>
    public static string Decode(ReadOnlySpan<char> body, bool likePattern)
    {
        if (body.IndexOf('\\') < 0) return body.ToString();
        var result = new StringBuilder(body.Length);
        var i = 0;
        while (i < body.Length)
        {
            var c = body[i];
            if (c != '\\' || i + 1 >= body.Length)
            {
                result.Append(c);
                i++;
                continue;
            }

            var n = body[i + 1];
            switch (n)
            {
                case '\'' or '"' or '?' or '\\':
                    Emit(result, n, likePattern);
                    i += 2;
                    break;
                case '*' when likePattern:
                    Emit(result, '*', likePattern);
                    i += 2;
                    break;
                case 'a': Emit(result, '\a', likePattern); i += 2; break;
                case 'b': Emit(result, '\b', likePattern); i += 2; break;
                case 'f': Emit(result, '\f', likePattern); i += 2; break;
                case 'n': Emit(result, '\n', likePattern); i += 2; break;
                case 'r': Emit(result, '\r', likePattern); i += 2; break;
                case 't': Emit(result, '\t', likePattern); i += 2; break;
                case 'v': Emit(result, '\v', likePattern); i += 2; break;
                case 'u' when i + 6 <= body.Length && IsHex(body.Slice(i + 2, 4)):
                    Emit(result, (char)Convert.ToInt32(body.Slice(i + 2, 4).ToString(), 16), likePattern);
                    i += 6;
                    break;
                case >= '0' and <= '7':
                    var max = n <= '3' ? 3 : 2;
                    var value = 0;
                    var digits = 0;
                    while (digits < max && i + 1 + digits < body.Length && body[i + 1 + digits] is >= '0' and <= '7')
                    {
                        value = value * 8 + (body[i + 1 + digits] - '0');
                        digits++;
                    }

                    Emit(result, (char)value, likePattern);
                    i += 1 + digits;
                    break;
                default:
                    // Not an escape of the grammar: keep the backslash and the character as written.
                    Emit(result, '\\', likePattern);
                    Emit(result, n, likePattern);
                    i += 2;
                    break;
            }
        }

        return result.ToString();
    }

    private static void Emit(StringBuilder result, char c, bool likePattern)
    {
        if (likePattern && c is '\\' or '*' or '?') result.Append('\\');
        result.Append(c);
    }

    private static bool IsHex(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiHexDigit(c)) return false;
        }

        return true;
    }
}
