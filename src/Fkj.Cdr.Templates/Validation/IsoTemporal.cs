using System.Globalization;

namespace Fkj.Cdr.Templates.Validation;

/// <summary>
/// An ISO 8601 date, time or date-time, possibly partial (<c>2021</c>, <c>2021-10</c>,
/// <c>2021-10-24T10</c>, <c>10:30</c>), parsed without allocating: which parts are present, their
/// values, and whether they make a real calendar date and clock time. Extended (<c>2021-10-24</c>,
/// <c>10:30:00</c>) and basic (<c>20211024</c>, <c>103000</c>) formats are read; a zone may follow the time.
/// </summary>
internal struct IsoTemporal
{
    /// <summary>Parts in order: year, month, day, hour, minute, second.</summary>
    public const int Year = 0, Month = 1, Day = 2, Hour = 3, Minute = 4, Second = 5;

    public int Count;              // parts present, counted from the first one parsed (see First)
    public int First;              // Year for dates and date-times, Hour for times
    public int YearValue, MonthValue, DayValue, HourValue, MinuteValue;
    public double SecondValue;
    public bool HasZone;
    public int ZoneMinutes;

    public readonly bool Has(int part) => part >= First && part < First + Count;

    public static bool TryParseDate(ReadOnlySpan<char> text, out IsoTemporal value)
    {
        value = default;
        value.First = Year;
        var position = 0;
        return ParseDate(text, ref position, ref value) && position == text.Length;
    }

    public static bool TryParseTime(ReadOnlySpan<char> text, out IsoTemporal value)
    {
        value = default;
        value.First = Hour;
        var position = 0;
        return ParseTime(text, ref position, ref value) && position == text.Length;
    }

    public static bool TryParseDateTime(ReadOnlySpan<char> text, out IsoTemporal value)
    {
        value = default;
        value.First = Year;
        var position = 0;
        if (!ParseDate(text, ref position, ref value)) return false;
        if (position == text.Length) return true;
        if (text[position] != 'T' || value.Count != 3) return false;
        position++;
        var time = default(IsoTemporal);
        if (!ParseTime(text, ref position, ref time) || position != text.Length) return false;
        value.Count = 3 + time.Count;
        value.HourValue = time.HourValue;
        value.MinuteValue = time.MinuteValue;
        value.SecondValue = time.SecondValue;
        value.HasZone = time.HasZone;
        value.ZoneMinutes = time.ZoneMinutes;
        return true;
    }

    /// <summary>An order for range checks: parts left out count as their smallest value; zones are ignored.</summary>
    public readonly double SortKey()
    {
        double key = 0;
        if (First == Year)
        {
            key = YearValue * 12.0 + (Has(Month) ? MonthValue - 1 : 0);
            key = key * 31 + (Has(Day) ? DayValue - 1 : 0);
        }

        key = key * 24 + (Has(Hour) ? HourValue : 0);
        key = key * 60 + (Has(Minute) ? MinuteValue : 0);
        return key * 60 + (Has(Second) ? SecondValue : 0);
    }

    private static bool ParseDate(ReadOnlySpan<char> text, ref int position, ref IsoTemporal value)
    {
        if (!Digits(text, ref position, 4, out var year)) return false;
        value.YearValue = year;
        value.Count = 1;
        if (position == text.Length || text[position] == 'T') return true;
        var extended = text[position] == '-';
        if (extended) position++;
        if (!Digits(text, ref position, 2, out var month) || month is < 1 or > 12) return false;
        value.MonthValue = month;
        value.Count = 2;
        if (position == text.Length || text[position] == 'T') return extended; // basic YYYYMM is not ISO 8601
        if (extended)
        {
            if (text[position] != '-') return false;
            position++;
        }

        if (!Digits(text, ref position, 2, out var day) || day < 1 || day > DateTime.DaysInMonth(Math.Max(year, 1), month)) return false;
        value.DayValue = day;
        value.Count = 3;
        return true;
    }

    private static bool ParseTime(ReadOnlySpan<char> text, ref int position, ref IsoTemporal value)
    {
        if (!Digits(text, ref position, 2, out var hour) || hour > 24) return false;
        value.HourValue = hour;
        value.Count = 1;
        var extended = position < text.Length && text[position] == ':';
        if (position < text.Length && (extended || char.IsAsciiDigit(text[position])))
        {
            if (extended) position++;
            if (!Digits(text, ref position, 2, out var minute) || minute > 59) return false;
            value.MinuteValue = minute;
            value.Count = 2;
            if (position < text.Length && (extended ? text[position] == ':' : char.IsAsciiDigit(text[position])))
            {
                if (extended) position++;
                if (!Digits(text, ref position, 2, out var second) || second > 60) return false;
                double seconds = second;
                if (position < text.Length && text[position] is '.' or ',')
                {
                    var start = ++position;
                    while (position < text.Length && char.IsAsciiDigit(text[position])) position++;
                    if (position == start) return false;
                    seconds += double.Parse(text[start..position], NumberStyles.None, CultureInfo.InvariantCulture) / Math.Pow(10, position - start);
                }

                value.SecondValue = seconds;
                value.Count = 3;
            }
        }

        if (hour == 24 && (value.MinuteValue != 0 || value.SecondValue != 0)) return false;
        if (position == text.Length) return true;
        return ParseZone(text, ref position, ref value);
    }

    private static bool ParseZone(ReadOnlySpan<char> text, ref int position, ref IsoTemporal value)
    {
        var c = text[position];
        if (c == 'Z')
        {
            position++;
            value.HasZone = true;
            return true;
        }

        if (c is not ('+' or '-')) return false;
        position++;
        if (!Digits(text, ref position, 2, out var hours) || hours > 14) return false;
        var minutes = 0;
        if (position < text.Length)
        {
            if (text[position] == ':') position++;
            if (!Digits(text, ref position, 2, out minutes) || minutes > 59) return false;
        }

        value.HasZone = true;
        value.ZoneMinutes = (c == '-' ? -1 : 1) * (hours * 60 + minutes);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> text, ref int position, int count, out int value)
    {
        value = 0;
        if (position + count > text.Length) return false;
        for (var i = 0; i < count; i++)
        {
            var c = text[position + i];
            if (!char.IsAsciiDigit(c)) return false;
            value = value * 10 + (c - '0');
        }

        position += count;
        return true;
    }
}

/// <summary>An ISO 8601 duration (<c>P1Y2M3W4DT5H6M7.5S</c>, possibly negative), parsed without allocating.</summary>
internal struct IsoDuration
{
    /// <summary>Designators present, as bits: Y M W D (date part) H M S (time part), in that order.</summary>
    public int Parts;

    /// <summary>The designators with a value other than zero: <c>PT0S</c> says "no time", not "seconds".</summary>
    public int NonZeroParts;

    public double Seconds;

    public const int Years = 1, Months = 2, Weeks = 4, Days = 8, Hours = 16, Minutes = 32, SecondsPart = 64;

    public static bool TryParse(ReadOnlySpan<char> text, out IsoDuration value)
    {
        value = default;
        var position = 0;
        var negative = false;
        if (position < text.Length && text[position] is '-' or '+')
        {
            negative = text[position] == '-';
            position++;
        }

        if (position >= text.Length || text[position] != 'P') return false;
        position++;
        var inTime = false;
        var lastOrder = -1;
        var any = false;
        const double day = 86400, year = 365.2425 * day;
        while (position < text.Length)
        {
            if (text[position] == 'T')
            {
                if (inTime) return false;
                inTime = true;
                position++;
                if (position == text.Length) return false;
                continue;
            }

            var start = position;
            while (position < text.Length && (char.IsAsciiDigit(text[position]) || text[position] is '.' or ',')) position++;
            if (position == start || position == text.Length) return false;
            var digits = text[start..position];
            if (!(digits.Contains(',')
                    ? double.TryParse(digits.ToString().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                    : double.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number)))
                return false;
            var designator = text[position++];
            int order;
            double unit;
            switch (designator)
            {
                case 'Y' when !inTime: order = 0; unit = year; value.Parts |= Years; break;
                case 'M' when !inTime: order = 1; unit = year / 12; value.Parts |= Months; break;
                case 'W' when !inTime: order = 2; unit = 7 * day; value.Parts |= Weeks; break;
                case 'D' when !inTime: order = 3; unit = day; value.Parts |= Days; break;
                case 'H' when inTime: order = 4; unit = 3600; value.Parts |= Hours; break;
                case 'M' when inTime: order = 5; unit = 60; value.Parts |= Minutes; break;
                case 'S' when inTime: order = 6; unit = 1; value.Parts |= SecondsPart; break;
                default: return false;
            }

            if (order <= lastOrder) return false;
            lastOrder = order;
            if (number != 0) value.NonZeroParts |= 1 << order;
            value.Seconds += number * unit;
            any = true;
        }

        if (negative) value.Seconds = -value.Seconds;
        return any;
    }
}
