namespace Fkj.Cdr.Load.Options;

/// <summary>What one run of the harness does. The defaults give a run of a few minutes at most.</summary>
public sealed class LoadOptions
{
    /// <summary>Scenario names, run in this order.</summary>
    public IReadOnlyList<string> Scenarios { get; set; } = ["commit", "read"];

    public LoadMode Mode { get; set; } = LoadMode.Closed;

    /// <summary>Closed loop: the concurrency levels (clients sending at once).</summary>
    public IReadOnlyList<int> Clients { get; set; } = [1, 4];

    /// <summary>Open loop: the target rates in requests per second.</summary>
    public IReadOnlyList<double> Rates { get; set; } = [50, 100, 200];

    /// <summary>Open loop: requests outstanding at most; a request due beyond it is counted as dropped, not sent.</summary>
    public int MaxInFlight { get; set; } = 256;

    /// <summary>
    /// Closed loop: database sizes (compositions) to measure at, smallest first. Before each, the database is filled
    /// to that size (server commits, unmeasured, and the baseline table to as many rows); then every scenario runs
    /// its levels. Null: no filling, one pass.
    /// </summary>
    public IReadOnlyList<int>? DatabaseSizes { get; set; }

    /// <summary>Concurrent commits while filling the database to a size.</summary>
    public int FillClients { get; set; } = 8;

    /// <summary>At most this many measured requests per level.</summary>
    public int Requests { get; set; } = 2000;

    /// <summary>At most this long per level.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Requests before a scenario's first level (same target, not measured).</summary>
    public int Warmup { get; set; } = 50;

    /// <summary>EHRs the commit scenario creates and spreads its commits over.</summary>
    public int Ehrs { get; set; } = 16;

    /// <summary>Compositions (and baseline rows) the read scenarios read; committed in preparation when missing.</summary>
    public int ReadSet { get; set; } = 200;

    /// <summary>Distinct composition bodies generated before the run.</summary>
    public int Variants { get; set; } = 200;

    public int Seed { get; set; } = 1;

    /// <summary>aql-population: rounds of the query and its baseline, taking turns (seconds each on a large database).</summary>
    public int QueryRuns { get; set; } = 6;

    /// <summary>aql-population: the systolic pressure (mm[Hg]) a patient must have exceeded in the last year.</summary>
    public int SystolicAbove { get; set; } = 140;

    /// <summary>A running server to measure (loopback only); null: the harness starts one.</summary>
    public Uri? Url { get; set; }

    /// <summary>PostgreSQL for the baselines and the storage figures (and for the server the harness starts).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Data directory of the embedded PostgreSQL the harness starts; null: a temporary one, deleted afterwards. With
    /// --url: the data directory of the running server's embedded PostgreSQL, which the baselines connect to (port from
    /// pg/postmaster.pid, superuser password from superuser.password).
    /// </summary>
    public string? DataDir { get; set; }

    /// <summary>The server assembly to start; null: the Release build in the repository.</summary>
    public string? ServerDll { get; set; }

    /// <summary>The composition to vary; null: the vital-signs composition beside the harness.</summary>
    public string? Composition { get; set; }

    public bool Baseline { get; set; } = true;

    /// <summary>The X-Tenant header; null sends none (the default tenant).</summary>
    public string? Tenant { get; set; }

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The whole run stops after this long, whatever is left.</summary>
    public TimeSpan TimeLimit { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Where the JSON result and the markdown table are written.</summary>
    public string OutputDirectory { get; set; } = Path.Combine("BenchmarkDotNet.Artifacts", "load");

    /// <summary>Keep the temporary data directory (and the server log) after the run.</summary>
    public bool KeepData { get; set; }

    /// <summary>The crash scenario: how many times the server is killed (SIGKILL) and restarted.</summary>
    public int Kills { get; set; } = 3;

    /// <summary>The crash scenario: about this many acknowledged commits per round before the kill (seeded, from half to one and a half times it).</summary>
    public int KillAfter { get; set; } = 1000;

    /// <summary>The crash scenario: when the server's PostgreSQL is killed too.</summary>
    public PostgresKill KillPostgres { get; set; } = PostgresKill.Alternate;

    /// <summary>The levels of the chosen mode, as text for reports: "1", "4" or "100/s".</summary>
    public IReadOnlyList<LoadLevel> Levels() => Mode == LoadMode.Closed
        ? Clients.Select(LoadLevel.ClosedLoop).ToList()
        : Rates.Select(rate => LoadLevel.OpenLoop(rate, MaxInFlight)).ToList();
}
