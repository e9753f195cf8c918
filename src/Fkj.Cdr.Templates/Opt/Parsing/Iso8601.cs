using System.Globalization;
using System.Text.RegularExpressions;

namespace Fkj.Cdr.Templates.Opt.Parsing;

/// <summary>Syntax checks of the ISO 8601 values that bound temporal ranges, and an order for durations.</summary>
internal static partial class Iso8601
{
    public static bool IsDate(string text) => DateRegex().IsMatch(text);

    public static bool IsTime(string text) => TimeRegex().IsMatch(text);

    public static bool IsDateTime(string text)
    {
        var t = text.IndexOf('T');
        return t > 0 ? IsDate(text[..t]) && IsTime(text[(t + 1)..]) : IsDate(text);
    }

    public static bool IsDuration(string text) => DurationRegex().IsMatch(text);

    /// <summary>
    /// A duration's length in seconds with nominal years (365.2425 days) and months (a twelfth of
    /// that), enough to tell whether a range's lower bound exceeds its upper one.
    /// </summary>
    public static double? Seconds(string duration)
    {
        var match = DurationRegex().Match(duration);
        if (!match.Success) return null;
        double Part(string name, double unit) =>
            match.Groups[name].Success ? double.Parse(match.Groups[name].Value.Replace(',', '.'), CultureInfo.InvariantCulture) * unit : 0;

        const double day = 86400, year = 365.2425 * day;
        var seconds = Part("y", year) + Part("mo", year / 12) + Part("w", 7 * day) + Part("d", day)
                      + Part("h", 3600) + Part("mi", 60) + Part("s", 1);
        return match.Groups["neg"].Success ? -seconds : seconds;
    }

    [GeneratedRegex(@"^\d{4}(-?(0[1-9]|1[0-2])(-?(0[1-9]|[12]\d|3[01]))?)?$")]
    private static partial Regex DateRegex();

    [GeneratedRegex(@"^([01]\d|2[0-4])(:?[0-5]\d(:?([0-5]\d|60)([.,]\d+)?)?)?(Z|[+-]\d{2}(:?\d{2})?)?$")]
    private static partial Regex TimeRegex();

    [GeneratedRegex(@"^(?<neg>-)?P(?=\d|T\d)(?:(?<y>\d+(?:[.,]\d+)?)Y)?(?:(?<mo>\d+(?:[.,]\d+)?)M)?(?:(?<w>\d+(?:[.,]\d+)?)W)?(?:(?<d>\d+(?:[.,]\d+)?)D)?(?:T(?=\d)(?:(?<h>\d+(?:[.,]\d+)?)H)?(?:(?<mi>\d+(?:[.,]\d+)?)M)?(?:(?<s>\d+(?:[.,]\d+)?)S)?)?$")]
    private static partial Regex DurationRegex();
}
