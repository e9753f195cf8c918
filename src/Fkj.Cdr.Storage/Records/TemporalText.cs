using System.Globalization;

namespace Fkj.Cdr.Storage.Records;

/// <summary>
/// Reads the ISO 8601 texts of DV_DATE_TIME, DV_DATE, DV_TIME and DV_DURATION into the query index's typed
/// columns. Extended (<c>2025-03-14T08:13:27.5+01:00</c>) and basic (<c>20250314T081327,5+0100</c>) formats, and
/// partial values (<c>2025-03</c>, <c>2025-03-14T08</c>) are read; a partial value stands for its earliest
/// instant, and a value without a zone is read as UTC. A text that is none of these gives null: the document
/// keeps it, the index does not.
/// </summary>
public static class TemporalText
{
    /// <summary>The instant (UTC) of a date or date-time, or null.</summary>
    public static DateTime? DateTimeInstant(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        var s = text.AsSpan();
        var i = 0;
        if (!Digits(s, ref i, 4, out var year))
        {
            return null;
        }
        int month = 1, day = 1, hour = 0, minute = 0;
        double second = 0;
        var extended = i < s.Length && s[i] == '-';
        if (Separator(s, ref i, '-', extended))
        {
            if (!Digits(s, ref i, 2, out month)) return null;
            if (Separator(s, ref i, '-', extended))
            {
                if (!Digits(s, ref i, 2, out day)) return null;
            }
        }
        if (i < s.Length && s[i] == 'T')
        {
            i++;
            if (!ReadTime(s, ref i, out hour, out minute, out second)) return null;
        }
        var offset = TimeSpan.Zero;
        if (i < s.Length && !ReadZone(s, ref i, out offset)) return null;
        if (i != s.Length || month is < 1 or > 12 || hour > 24 || minute > 59 || second >= 61)
        {
            return null;
        }
        if (day < 1 || day > DateTime.DaysInMonth(Math.Clamp(year, 1, 9999), month) || year is < 1 or > 9999)
        {
            return null;
        }
        try
        {
            var local = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified)
                .AddHours(hour).AddMinutes(minute).AddTicks((long)Math.Round(second * TimeSpan.TicksPerSecond));
            return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>The instant of a date or date-time as seconds since 1970-01-01T00:00Z (the query index's num), or null.</summary>
    public static double? EpochSeconds(string? text) =>
        DateTimeInstant(text) is { } instant ? (instant - DateTime.UnixEpoch).Ticks / (double)TimeSpan.TicksPerSecond : null;

    /// <summary>The seconds since midnight of a time of day (its zone ignored), or null.</summary>
    public static double? SecondsOfDay(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        var s = text.AsSpan();
        var i = s.Length > 0 && s[0] == 'T' ? 1 : 0;
        if (!ReadTime(s, ref i, out var hour, out var minute, out var second))
        {
            return null;
        }
        if (i < s.Length && !ReadZone(s, ref i, out _) || i != s.Length || hour > 24 || minute > 59 || second >= 61)
        {
            return null;
        }
        return hour * 3600 + minute * 60 + second;
    }

    /// <summary>
    /// The length of an ISO 8601 duration in seconds (a year as 365.2425 days, a month as a twelfth of that, a
    /// week as 7 days), negative for a leading '-', or null.
    /// </summary>
    public static double? DurationSeconds(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        var s = text.AsSpan();
        var i = 0;
        var sign = 1.0;
        if (s[0] == '-')
        {
            sign = -1;
            i++;
        }
        if (i >= s.Length || s[i] != 'P')
        {
            return null;
        }
        i++;
        var inTime = false;
        var any = false;
        double total = 0;
        while (i < s.Length)
        {
            if (s[i] == 'T')
            {
                if (inTime) return null;
                inTime = true;
                i++;
                continue;
            }
            var start = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] is '.' or ','))
            {
                i++;
            }
            if (i == start || i >= s.Length)
            {
                return null;
            }
            if (!double.TryParse(s[start..i].ToString().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n))
            {
                return null;
            }
            const double day = 86400;
            total += (s[i], inTime) switch
            {
                ('Y', false) => n * 365.2425 * day,
                ('M', false) => n * 365.2425 / 12 * day,
                ('W', false) => n * 7 * day,
                ('D', false) => n * day,
                ('H', true) => n * 3600,
                ('M', true) => n * 60,
                ('S', true) => n,
                _ => double.NaN,
            };
            if (double.IsNaN(total))
            {
                return null;
            }
            any = true;
            i++;
        }
        return any ? sign * total : null;
    }

    private static bool ReadTime(ReadOnlySpan<char> s, ref int i, out int hour, out int minute, out double second)
    {
        minute = 0;
        second = 0;
        if (!Digits(s, ref i, 2, out hour))
        {
            return false;
        }
        var extended = i < s.Length && s[i] == ':';
        if (Separator(s, ref i, ':', extended))
        {
            if (!Digits(s, ref i, 2, out minute)) return false;
            if (Separator(s, ref i, ':', extended))
            {
                if (!Digits(s, ref i, 2, out var whole)) return false;
                second = whole;
                if (i < s.Length && s[i] is '.' or ',')
                {
                    var start = ++i;
                    while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
                    if (i == start) return false;
                    second += double.Parse("0." + s[start..i].ToString(), CultureInfo.InvariantCulture);
                }
            }
        }
        return true;
    }

    private static bool ReadZone(ReadOnlySpan<char> s, ref int i, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (s[i] == 'Z')
        {
            i++;
            return true;
        }
        if (s[i] is not ('+' or '-'))
        {
            return false;
        }
        var sign = s[i++] == '-' ? -1 : 1;
        if (!Digits(s, ref i, 2, out var hours)) return false;
        var minutes = 0;
        if (i < s.Length && s[i] == ':') i++;
        if (i < s.Length && !Digits(s, ref i, 2, out minutes)) return false;
        offset = sign * new TimeSpan(hours, minutes, 0);
        return true;
    }

    /// <summary>Reads the separator when the format is extended; a basic format needs none but the next digit.</summary>
    private static bool Separator(ReadOnlySpan<char> s, ref int i, char separator, bool extended)
    {
        if (extended)
        {
            if (i < s.Length && s[i] == separator)
            {
                i++;
                return true;
            }
            return false;
        }
        return i < s.Length && char.IsAsciiDigit(s[i]);
    }

    private static bool Digits(ReadOnlySpan<char> s, ref int i, int count, out int value)
    {
        value = 0;
        if (i + count > s.Length)
        {
            return false;
        }
        for (var k = 0; k < count; k++)
        {
            var c = s[i + k];
            if (!char.IsAsciiDigit(c)) return false;
            value = value * 10 + (c - '0');
        }
        i += count;
        return true;
    }
}
