using Fkj.Cdr.Storage.Records;

namespace Fkj.Cdr.Storage.Tests.Records;

public sealed class TemporalTextTests
{
    [Theory]
    [InlineData("2025-03-14T08:13:27+01:00", "2025-03-14T07:13:27.0000000Z")]
    [InlineData("2025-03-14T08:13:27.5Z", "2025-03-14T08:13:27.5000000Z")]
    [InlineData("2025-03-14T08:13:27,25-02:30", "2025-03-14T10:43:27.2500000Z")]
    [InlineData("20190114T183649,294+0000", "2019-01-14T18:36:49.2940000Z")]
    [InlineData("2025-03-14T08:13", "2025-03-14T08:13:00.0000000Z")]
    [InlineData("2025-03-14T08", "2025-03-14T08:00:00.0000000Z")]
    [InlineData("2025-03-14", "2025-03-14T00:00:00.0000000Z")]
    [InlineData("20250314", "2025-03-14T00:00:00.0000000Z")]
    [InlineData("2025-03", "2025-03-01T00:00:00.0000000Z")]
    [InlineData("2025", "2025-01-01T00:00:00.0000000Z")]
    [InlineData("2025-03-14T08:13:27+01", "2025-03-14T07:13:27.0000000Z")]
    public void DatesAndDateTimesAreReadAsTheirEarliestInstant(string text, string expected)
    {
        var instant = TemporalText.DateTimeInstant(text);
        Assert.Equal(expected, instant?.ToString("O"));
        Assert.Equal(DateTimeKind.Utc, instant!.Value.Kind);
        Assert.Equal((instant.Value - DateTime.UnixEpoch).TotalSeconds, TemporalText.EpochSeconds(text)!.Value, 6);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2025-13-01")]
    [InlineData("2025-02-30")]
    [InlineData("2025-03-14T25:00")]
    [InlineData("2025-03-14T08:13:27+01:00 trailing")]
    [InlineData("2025-03-14 08:13:27")]
    public void OtherTextsHaveNoInstant(string text) => Assert.Null(TemporalText.DateTimeInstant(text));

    [Theory]
    [InlineData("08:13:27", 29607)]
    [InlineData("T08:13", 29580)]
    [InlineData("081327.5+0100", 29607.5)]
    [InlineData("23", 82800)]
    public void TimesOfDayAreSecondsSinceMidnight(string text, double seconds) => Assert.Equal(seconds, TemporalText.SecondsOfDay(text));

    [Theory]
    [InlineData("PT30M", 1800)]
    [InlineData("P1DT2H", 93600)]
    [InlineData("P2W", 1209600)]
    [InlineData("PT0.5S", 0.5)]
    [InlineData("-PT1H", -3600)]
    [InlineData("P1Y", 31556952)]
    [InlineData("P1M", 2629746)]
    public void DurationsAreSeconds(string text, double seconds) => Assert.Equal(seconds, TemporalText.DurationSeconds(text)!.Value, 3);

    [Theory]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("30M")]
    [InlineData("P1H")]
    [InlineData("PT1D")]
    public void OtherDurationsAreNotRead(string text) => Assert.Null(TemporalText.DurationSeconds(text));
}
