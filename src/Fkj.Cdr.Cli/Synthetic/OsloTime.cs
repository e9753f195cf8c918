namespace Fkj.Cdr.Cli.Synthetic;

/// <summary>
/// Norwegian local time with its UTC offset, by the European summer-time rule (CEST, +02:00, from the
/// last Sunday of March at 02:00 to the last Sunday of October at 03:00; CET, +01:00, otherwise).
/// Computed here rather than read from the machine's time-zone database, so output never depends on it.
/// </summary>
public static class OsloTime
{
    private static readonly TimeSpan Winter = TimeSpan.FromHours(1);
    private static readonly TimeSpan Summer = TimeSpan.FromHours(2);

    /// <summary>
    /// The local wall-clock time <paramref name="local"/> with Norway's offset at that time. A time in the
    /// hour the clocks skip in March (02:00–02:59) does not exist and is read as one hour later; in the hour
    /// that repeats in October, the first (summer-time) one is meant.
    /// </summary>
    public static DateTimeOffset At(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        var start = LastSunday(local.Year, 3).AddHours(2);
        var end = LastSunday(local.Year, 10).AddHours(3);
        if (local >= start && local < start.AddHours(1)) local = local.AddHours(1);
        return new DateTimeOffset(local, local >= start && local < end ? Summer : Winter);
    }

    private static DateTime LastSunday(int year, int month)
    {
        var last = new DateTime(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(int)last.DayOfWeek);
    }
}
