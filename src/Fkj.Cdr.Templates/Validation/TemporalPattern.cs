namespace Fkj.Cdr.Templates.Validation;

/// <summary>
/// An ADL 1.4 date/time pattern (<c>yyyy-mm-ddTHH:MM:SS</c>, <c>yyyy-??-??</c>, <c>HH:MM:XX</c>,
/// <c>yyyy-mm-ddTHH:??:XX</c>): for each part, whether a value must have it (letters), may have it
/// (<c>??</c>) or must not (<c>XX</c>). Parts the pattern leaves out are optional.
/// </summary>
internal sealed class TemporalPattern
{
    private enum Need : byte { Optional, Required, Forbidden }

    private readonly Need[] needs = new Need[6];

    private TemporalPattern(string text) => Text = text;

    public string Text { get; }

    /// <summary>Reads a pattern for a C_DATE (<paramref name="first"/> = year), C_TIME (hour) or C_DATE_TIME (year); null if unreadable.</summary>
    public static TemporalPattern? Parse(string text, int first)
    {
        var pattern = new TemporalPattern(text);
        var part = first;
        var i = 0;
        while (i < text.Length && part < 6)
        {
            var c = text[i];
            if (c is '-' or ':' or 'T' or 't')
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && text[i] == c) i++;
            pattern.needs[part++] = c switch
            {
                '?' => Need.Optional,
                'X' or 'x' => Need.Forbidden,
                _ when char.IsAsciiLetter(c) => Need.Required,
                _ => Need.Optional,
            };
            if (i - start is < 2 or > 4) return null;
        }

        return i < text.Length ? null : pattern;
    }

    /// <summary>The first part that breaks the pattern, or -1 when none does.</summary>
    public int Violation(in IsoTemporal value)
    {
        for (var part = value.First; part < 6; part++)
        {
            var has = value.Has(part);
            var need = needs[part];
            if ((need == Need.Required && !has) || (need == Need.Forbidden && has)) return part;
        }

        return -1;
    }

    public static string PartName(int part) => part switch
    {
        IsoTemporal.Year => "year",
        IsoTemporal.Month => "month",
        IsoTemporal.Day => "day",
        IsoTemporal.Hour => "hour",
        IsoTemporal.Minute => "minute",
        _ => "second",
    };
}

/// <summary>An ADL 1.4 duration pattern such as <c>PYMWD</c>, <c>PTHM</c> or <c>PDTH</c>: the designators a value may use.</summary>
internal sealed class DurationPattern
{
    private DurationPattern(string text, int allowed)
    {
        Text = text;
        Allowed = allowed;
    }

    public string Text { get; }

    public int Allowed { get; }

    public static DurationPattern? Parse(string text)
    {
        var allowed = 0;
        var inTime = false;
        var i = 0;
        if (i < text.Length && text[i] is 'P' or 'p') i++;
        else return null;
        for (; i < text.Length; i++)
        {
            switch (char.ToUpperInvariant(text[i]))
            {
                case 'T': inTime = true; break;
                case 'Y' when !inTime: allowed |= IsoDuration.Years; break;
                case 'M' when !inTime: allowed |= IsoDuration.Months; break;
                case 'W' when !inTime: allowed |= IsoDuration.Weeks; break;
                case 'D' when !inTime: allowed |= IsoDuration.Days; break;
                case 'H' when inTime: allowed |= IsoDuration.Hours; break;
                case 'M' when inTime: allowed |= IsoDuration.Minutes; break;
                case 'S' when inTime: allowed |= IsoDuration.SecondsPart; break;
                case '/': return new DurationPattern(text, allowed); // a range form follows; the designators are what counts
                default: return null;
            }
        }

        return new DurationPattern(text, allowed);
    }
}
