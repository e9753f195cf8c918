using Fkj.Cdr.Load.Compositions;
using Fkj.Cdr.Load.Database;
using Fkj.Cdr.Load.OpenEhr;
using Fkj.Cdr.Load.Options;

namespace Fkj.Cdr.Load.Scenarios;

/// <summary>What the scenarios of one run share: the server client, the baseline table, the bodies, and what earlier scenarios left.</summary>
public sealed class ScenarioContext(
    LoadOptions options,
    OpenEhrClient server,
    BaselineTable? baseline,
    IReadOnlyList<CompositionBody> bodies,
    TextWriter log,
    Npgsql.NpgsqlDataSource? database = null)
{
    public LoadOptions Options { get; } = options;

    public OpenEhrClient Server { get; } = server;

    /// <summary>Null when there is no database to run the baseline on (or --no-baseline).</summary>
    public BaselineTable? Baseline { get; } = baseline;

    public IReadOnlyList<CompositionBody> Bodies { get; } = bodies;

    /// <summary>Progress messages (standard error).</summary>
    public TextWriter Log { get; } = log;

    public EhrPool Ehrs { get; } = new(server);

    public CommittedVersions Committed { get; } = new();

    public BaselineRows BaselineRows { get; } = new();

    /// <summary>The server's PostgreSQL, for the baselines that query the CDR's own tables (the AQL scenarios); null without a connection string.</summary>
    public Npgsql.NpgsqlDataSource? Database { get; } = database;

    /// <summary>What the AQL scenarios share: the EHRs they ask about, the answers of both sides, the findings for the report.</summary>
    public Aql.AqlData Aql => field ??= new Aql.AqlData(this);

    /// <summary>Spreads a running counter over <paramref name="count"/> items in a fixed, scattered order.</summary>
    public static int Spread(long counter, int count) => (int)((ulong)(counter * 2654435761L) % (ulong)count);
}
