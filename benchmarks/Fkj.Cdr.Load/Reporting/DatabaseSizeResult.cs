namespace Fkj.Cdr.Load.Reporting;

/// <summary>
/// One database size of a --db-sizes run, after filling: the compositions the server holds (committed by this run)
/// and the rows of the baseline table, their bytes (<c>pg_total_relation_size</c>, indexes included), and how long
/// the fill took and at what rate.
/// </summary>
public sealed record DatabaseSizeResult(
    long Size,
    long ServerCompositions,
    long BaselineRows,
    long? ServerBytes,
    long? BaselineBytes,
    long ServerFilled,
    double ServerFillSeconds,
    long BaselineFilled,
    double BaselineFillSeconds)
{
    /// <summary>Commits per second while filling, or 0 when nothing was filled.</summary>
    public double ServerFillRate => ServerFillSeconds > 0 ? Math.Round(ServerFilled / ServerFillSeconds, 1) : 0;
}
