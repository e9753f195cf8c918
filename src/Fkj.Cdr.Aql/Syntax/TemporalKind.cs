namespace Fkj.Cdr.Aql.Syntax;

/// <summary>Which ISO 8601 form a string literal has, if any.</summary>
public enum TemporalKind
{
    None,
    Date,
    Time,
    DateTime,
}

/// <summary>
/// Recognises the date, time and date-time forms of the AQL grammar in a string literal's value: complete
/// dates (<c>2024-03-01</c>, <c>20240301</c>), times with seconds (<c>10:15:00</c>, <c>101500</c>) and
/// date-times joined by <c>T</c>, each in extended or basic format, with an optional fraction (one or
/// more digits after <c>.</c> or <c>,</c>) and time zone (<c>Z</c>, <c>+01</c>, <c>+01:00</c>,
/// <c>+0100</c>). The grammar allows exactly three fraction digits; more or fewer are common and kept.
/// </summary>
public static class TemporalLiterals
{
    public static TemporalKind Classify(string text)
    {
        var s = text.AsSpan();
        if (Date(s, out var extended, out var used))
        {
            if (used == s.Length) return TemporalKind.Date;
            if (s[used] == 'T' && Time(s[(used + 1)..], extended, out var timeUsed) && used + 1 + timeUsed == s.Length)
            {
                return TemporalKind.DateTime;
            }

            return TemporalKind.None;
        }

        if (Time(s, s.Length > 2 && s[2] == ':', out var length) && length == s.Length) return TemporalKind.Time;
        return TemporalKind.None;
    }

    private static bool Date(ReadOnlySpan<char> s, out bool extended, out int used)
    {
        extended = s.Length >= 10 && s[4] == '-';
        used = 0;
        if (extended)
        {
            if (!Digits(s, 0, 4) || s[7] != '-' || !Month(s, 5) || !Day(s, 8)) return false;
            used = 10;
            return true;
        }

        if (s.Length < 8 || !Digits(s, 0, 4) || !Month(s, 4) || !Day(s, 6)) return false;
        used = 8;
        return true;
    }

    private static bool Time(ReadOnlySpan<char> s, bool extended, out int used)
    {
        used = 0;
        var i = 0;
        if (!Hour(s, i)) return false;
        i += 2;
        if (extended && (i >= s.Length || s[i++] != ':')) return false;
        if (!Sixty(s, i)) return false;
        i += 2;
        if (extended && (i >= s.Length || s[i++] != ':')) return false;
        if (!Sixty(s, i)) return false;
        i += 2;
        if (i < s.Length && s[i] is '.' or ',')
        {
            var start = ++i;
            while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
            if (i == start) return false;
        }

        if (i < s.Length)
        {
            if (s[i] == 'Z') i++;
            else if (s[i] is '+' or '-')
            {
                i++;
                if (!Hour(s, i)) return false;
                i += 2;
                if (i < s.Length)
                {
                    if (s[i] == ':') i++;
                    if (!Sixty(s, i)) return false;
                    i += 2;
                }
            }
        }

        used = i;
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, int start, int count)
    {
        if (start + count > s.Length) return false;
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(s[i])) return false;
        }

        return true;
    }

    private static bool Month(ReadOnlySpan<char> s, int i) => Digits(s, i, 2) && (s[i] == '0' ? s[i + 1] != '0' : s[i] == '1' && s[i + 1] <= '2');

    private static bool Day(ReadOnlySpan<char> s, int i) => Digits(s, i, 2) && (s[i] switch { '0' => s[i + 1] != '0', '1' or '2' => true, '3' => s[i + 1] <= '1', _ => false });

    private static bool Hour(ReadOnlySpan<char> s, int i) => Digits(s, i, 2) && (s[i] <= '1' || (s[i] == '2' && s[i + 1] <= '3'));

    private static bool Sixty(ReadOnlySpan<char> s, int i) => Digits(s, i, 2) && s[i] <= '5';
}
