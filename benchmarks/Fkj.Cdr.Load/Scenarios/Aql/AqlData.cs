using System.Collections.Concurrent;
using System.Globalization;

namespace Fkj.Cdr.Load.Scenarios.Aql;

/// <summary>
/// What the AQL scenarios of one run share: the SQL baselines (when there is a database), the EHRs the per-EHR
/// query asks about, the population query's parameters (fixed once, so both sides ask the same question), the
/// answers of both sides, and the findings for the report.
/// </summary>
public sealed class AqlData(ScenarioContext context)
{
    /// <summary>At most this many EHRs for the per-EHR query to pick from.</summary>
    public const int EhrSample = 100_000;

    private IReadOnlyList<string>? _ehrIds;
    private readonly ConcurrentQueue<string> _findings = new();

    /// <summary>Null when the harness has no connection to the server's PostgreSQL.</summary>
    public CdrSql? Sql { get; } = context.Database is { } database ? new CdrSql(database, context.Options.Tenant ?? "default") : null;

    public AnswerBook Answers { get; } = new();

    /// <summary>The population query's "since": a year before the run began, to the second.</summary>
    public DateTimeOffset Since { get; } = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddYears(-1).ToUnixTimeSeconds());

    public string SinceText => Since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public int SystolicAbove => context.Options.SystolicAbove;

    /// <summary>
    /// The EHRs of the data: from the ehr table when there is a database (the whole population the server holds),
    /// else those this run created and committed to.
    /// </summary>
    public async Task<IReadOnlyList<string>> EhrIdsAsync(CancellationToken cancellationToken)
    {
        if (_ehrIds is { Count: > 0 } known)
        {
            return known;
        }
        var ids = Sql is not null
            ? await Sql.EhrIdsAsync(EhrSample, cancellationToken).ConfigureAwait(false)
            : context.Committed.Snapshot().Select(c => c.EhrId).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            throw new LoadSetupException("there are no EHRs to query (the database holds none, and this run committed to none)");
        }
        return _ehrIds = ids;
    }

    /// <summary>A finding for the report's notes ("aql-top: no full sort ...").</summary>
    public void Note(string finding) => _findings.Enqueue(finding);

    /// <summary>The findings, then the first mismatch of each scenario and how many answers were compared.</summary>
    public IReadOnlyList<string> Notes()
    {
        var notes = _findings.ToList();
        if (Answers.Answer("aql-population", AqlPopulationScenario.Question(this)) is { } patients)
        {
            notes.Add($"aql-population: answer {patients} ({AqlPopulationScenario.Question(this)}; the first answer given).");
        }
        notes.AddRange(Answers.Mismatches.Values.Select(m => "answer mismatch: " + m));
        if (Answers.Checked > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"AQL answers compared with the first answer to the same question (the SQL baseline's or the server's): {Answers.Checked:N0} compared, {(Answers.Mismatches.Count == 0 ? "all equal" : $"{Answers.Mismatches.Count} scenario(s) with a mismatch")}."));
        }
        return notes;
    }
}
