using Fkj.Cdr.Server.Database;
using Fkj.Cdr.Terminology.Index;
using Fkj.Cdr.Terminology.Storage;

namespace Fkj.Cdr.Server.Terminology;

/// <summary>
/// Builds the in-process SNOMED CT index from the terminology tables and swaps it into the <see cref="SnomedCatalog"/>:
/// at start (in the background, so /health and the rest of the API do not wait; the terminology endpoints answer 503
/// until it is there) when the tables hold a release, and after every import. Builds run one at a time, so the last
/// one to finish has read the latest tables.
/// </summary>
public sealed class SnomedIndexLoader(DatabaseService database, SnomedCatalog catalog, ILogger<SnomedIndexLoader> logger) : IHostedService
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private Task _atStart = Task.CompletedTask;

    /// <summary>The build started at start, for tests that wait for it.</summary>
    public Task AtStart => _atStart;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _atStart = Task.Run(async () =>
        {
            try
            {
                var db = database.Database;
                if (db is not null && await new SnomedStore(db.DataSource).HasReleaseAsync(_stopping.Token))
                {
                    await RebuildAsync(_stopping.Token);
                }
            }
            catch (Exception e) when (_stopping.IsCancellationRequested || database.Database is null)
            {
                logger.LogInformation("SNOMED CT index not built: the server is stopping or did not start ({Reason})", e.Message);
            }
            catch (Exception e)
            {
                logger.LogError(e, "SNOMED CT index could not be built from the terminology tables: {Reason}", e.Message);
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        // The build reads through the database, which closes after this service has stopped: let it end first.
        await Task.WhenAny(_atStart, Task.Delay(Timeout.Infinite, cancellationToken));
    }

    /// <summary>Builds the index from the tables and replaces the catalog's; returns it.</summary>
    public async Task<SnomedIndex> RebuildAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var store = new SnomedStore(database.Require().DataSource);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var index = await Task.Run(() => SnomedIndexBuilder.Build(store.Source()), cancellationToken);
            catalog.Replace(index);
            logger.LogInformation("SNOMED CT index built from the terminology tables in {Seconds:0.0} s: {Concepts} concepts, {Descriptions} descriptions",
                clock.Elapsed.TotalSeconds, index.ConceptCount, index.DescriptionCount);
            return index;
        }
        finally
        {
            _gate.Release();
        }
    }
}
