using Fkj.Cdr.Templates.Validation;

namespace Fkj.Cdr.Templates.Tests.Validation;

/// <summary>ISO 8601 parsing and ADL date/time patterns, with the pattern table of the EHRbase DV_DATE_TIME conformance cases.</summary>
public class TemporalTests
{
    [Theory]
    // The EHRbase "DV_DATE_TIME validity kind" table: C_DATE_TIME pattern, value, whether it is allowed.
    [InlineData("yyyy-mm-ddTHH:MM:SS", "2021", false)]
    [InlineData("yyyy-mm-ddTHH:MM:??", "2021", false)]
    [InlineData("yyyy-mm-ddT??:??:??", "2021", false)]
    [InlineData("yyyy-mm-ddTHH:MM:XX", "2021", false)]
    [InlineData("yyyy-mm-XXTXX:XX:XX", "2021", false)]
    [InlineData("yyyy-??-??T??:??:??", "2021", true)]
    [InlineData("yyyy-XX-XXTXX:XX:XX", "2021", true)]
    [InlineData("yyyy-mm-ddTHH:MM:SS", "2021-10", false)]
    [InlineData("yyyy-mm-ddTHH:??:??", "2021-10", false)]
    [InlineData("yyyy-mm-ddTHH:MM:XX", "2021-10", false)]
    [InlineData("yyyy-XX-XXTXX:XX:XX", "2021-10", false)]
    [InlineData("yyyy-mm-XXTXX:XX:XX", "2021-10", true)]
    [InlineData("yyyy-??-??T??:??:??", "2021-10", true)]
    [InlineData("yyyy-mm-ddTHH:??:??", "2021-10-24", false)]
    [InlineData("yyyy-mm-ddTHH:MM:XX", "2021-10-24", false)]
    [InlineData("yyyy-XX-XXTXX:XX:XX", "2021-10-24", false)]
    [InlineData("yyyy-mm-ddT??:??:??", "2021-10-24", true)]
    [InlineData("yyyy-??-??T??:??:??", "2021-10-24", true)]
    [InlineData("yyyy-mm-ddTXX:XX:XX", "2021-10-24", true)]
    [InlineData("yyyy-mm-ddTHH:MM:SS", "2021-10-24T10", false)]
    [InlineData("yyyy-mm-ddTHH:MM:??", "2021-10-24T10", false)]
    [InlineData("yyyy-mm-ddTHH:MM:XX", "2021-10-24T10", false)]
    [InlineData("yyyy-XX-XXTXX:XX:XX", "2021-10-24T10", false)]
    [InlineData("yyyy-mm-ddTHH:??:??", "2021-10-24T10", true)]
    [InlineData("yyyy-mm-??T??:??:??", "2021-10-24T10", true)]
    [InlineData("yyyy-mm-ddTHH:XX:XX", "2021-10-24T10", true)]
    [InlineData("yyyy-mm-ddTHH:MM:SS", "2021-10-24T10:30", false)]
    [InlineData("yyyy-mm-ddTHH:XX:XX", "2021-10-24T10:30", false)]
    [InlineData("yyyy-mm-XXTXX:XX:XX", "2021-10-24T10:30", false)]
    [InlineData("yyyy-mm-ddTHH:MM:??", "2021-10-24T10:30", true)]
    [InlineData("yyyy-mm-ddT??:??:??", "2021-10-24T10:30", true)]
    [InlineData("yyyy-??-??T??:??:??", "2021-10-24T10:30", true)]
    [InlineData("yyyy-mm-ddTHH:MM:XX", "2021-10-24T10:30", true)]
    [InlineData("yyyy-mm-ddTHH:MM:SS", "2021-10-24T10:30:47-03:00", true)]
    [InlineData("yyyy-mm-ddTHH:MM:SS", "2022-02-03T04:05:06.000", true)]
    public void Date_time_pattern(string pattern, string value, bool allowed)
    {
        var compiled = TemporalPattern.Parse(pattern, IsoTemporal.Year)!;
        Assert.True(IsoTemporal.TryParseDateTime(value, out var parsed));
        Assert.Equal(allowed, compiled.Violation(parsed) < 0);
    }

    [Theory]
    [InlineData("2024-02-29", true)]
    [InlineData("2023-02-29", false)]
    [InlineData("2021-13", false)]
    [InlineData("20211024", true)]
    [InlineData("2021-1024", false)]
    [InlineData("202110", false)]
    public void Date_validity(string value, bool valid) => Assert.Equal(valid, IsoTemporal.TryParseDate(value, out _));

    [Theory]
    [InlineData("2021-10-24T10:30:47.123+02:00", true)]
    [InlineData("2021-10-24T10:30:47Z", true)]
    [InlineData("2021-10-24T24:00:00", true)]
    [InlineData("2021-10-24T24:00:01", false)]
    [InlineData("2021-10-24T10:61", false)]
    [InlineData("2021-10-24T", false)]
    [InlineData("2021-10T10:00", false)]
    [InlineData("20211024T103047", true)]
    [InlineData("2021-10-24T10:30:47+2", false)]
    public void Date_time_validity(string value, bool valid) => Assert.Equal(valid, IsoTemporal.TryParseDateTime(value, out _));

    [Theory]
    [InlineData("P1Y2M3W4DT5H6M7.5S", true)]
    [InlineData("PT0S", true)]
    [InlineData("-P1D", true)]
    [InlineData("P", false)]
    [InlineData("PT", false)]
    [InlineData("P1H", false)]
    [InlineData("PT1D", false)]
    [InlineData("P1M1Y", false)]
    public void Duration_validity(string value, bool valid) => Assert.Equal(valid, IsoDuration.TryParse(value, out _));

    [Theory]
    [InlineData("PTM", "PT30M", true)]
    [InlineData("PTM", "P1Y", false)]
    [InlineData("PY", "PT0S", true)] // a zero part says nothing
    [InlineData("PYMWD", "P1Y2M", true)]
    [InlineData("PYMWD", "P1DT2H", false)]
    [InlineData("PDTH", "P1DT2H", true)]
    public void Duration_pattern(string pattern, string value, bool allowed)
    {
        var compiled = DurationPattern.Parse(pattern)!;
        Assert.True(IsoDuration.TryParse(value, out var parsed));
        Assert.Equal(allowed, (parsed.NonZeroParts & ~compiled.Allowed) == 0);
    }
}
