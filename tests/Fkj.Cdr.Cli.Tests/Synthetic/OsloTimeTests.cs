using Fkj.Cdr.Cli.Synthetic;

namespace Fkj.Cdr.Cli.Tests.Synthetic;

/// <summary>Summer time in Norway 2026 runs from Sunday 29 March 02:00 (to 03:00) until Sunday 25 October 03:00 (back to 02:00).</summary>
public class OsloTimeTests
{
    [Theory]
    [InlineData("2026-01-15T08:00:00", "2026-01-15T08:00:00+01:00")]
    [InlineData("2026-03-29T01:59:00", "2026-03-29T01:59:00+01:00")]
    [InlineData("2026-03-29T02:30:00", "2026-03-29T03:30:00+02:00")] // does not exist: the clocks skip 02:00–02:59
    [InlineData("2026-03-29T03:00:00", "2026-03-29T03:00:00+02:00")]
    [InlineData("2026-06-30T12:00:00", "2026-06-30T12:00:00+02:00")]
    [InlineData("2026-10-25T02:30:00", "2026-10-25T02:30:00+02:00")] // repeats: the first one
    [InlineData("2026-10-25T03:00:00", "2026-10-25T03:00:00+01:00")]
    [InlineData("2025-03-30T03:00:00", "2025-03-30T03:00:00+02:00")] // 2025: from 30 March
    [InlineData("2025-10-26T03:00:00", "2025-10-26T03:00:00+01:00")] // until 26 October
    public void Offsets_follow_the_european_summer_time_rule(string local, string expected)
    {
        var time = OsloTime.At(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
    }
}
