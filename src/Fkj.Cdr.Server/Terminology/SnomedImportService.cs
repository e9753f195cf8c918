using System.Collections.Concurrent;
using System.IO.Compression;
using Fkj.Cdr.Server.Database;
using Fkj.Cdr.Server.Errors;
using Fkj.Cdr.Terminology.Rf2;
using Fkj.Cdr.Terminology.Storage;

namespace Fkj.Cdr.Server.Terminology;

/// <summary>
/// Runs the imports posted to the admin endpoint, one at a time. A release (a zip) is checked whole before it is
/// accepted: the archive, the declared sizes, and every row of every RF2 Snapshot file, so that hostile or broken input
/// is a 400 with the file and line and the tables stay as they were. Then the import runs in the background
/// (<see cref="SnomedStore.Import"/>, one transaction) and the index is rebuilt from the tables
/// (<see cref="SnomedIndexLoader"/>).
/// </summary>
public sealed class SnomedImportService(DatabaseService database, SnomedIndexLoader loader, SnomedCatalog catalog, IHostApplicationLifetime lifetime,
    ILogger<SnomedImportService> logger)
{
    /// <summary>At most this many entries in a release zip (an International release has a few hundred files).</summary>
    public const int MaxEntries = 10_000;

    /// <summary>At most this many bytes uncompressed, as the zip declares them (the International Edition is about 1.5 GB).</summary>
    public const long MaxUncompressedBytes = 8L << 30;

    private readonly ConcurrentDictionary<Guid, SnomedImportJob> _jobs = new();
    private readonly SemaphoreSlim _one = new(1, 1);

    public SnomedImportJob? Find(Guid id) => _jobs.GetValueOrDefault(id);

    /// <summary>
    /// Checks the release in <paramref name="zipPath"/> and starts importing it; takes over the file (deletes it when
    /// done or refused). Throws a 400 <see cref="ApiException"/> for a broken release, a 409 while another import runs.
    /// </summary>
    public SnomedImportJob Start(string zipPath, string name)
    {
        if (!_one.Wait(0))
        {
            File.Delete(zipPath);
            throw new ApiException(StatusCodes.Status409Conflict, "import_running", "Another SNOMED CT import is running; try again when it is done.");
        }

        try
        {
            var release = Check(zipPath);
            var job = new SnomedImportJob(Guid.NewGuid(), name);
            _jobs[job.Id] = job;
            _ = Task.Run(() => RunAsync(job, release, zipPath), CancellationToken.None);
            return job;
        }
        catch
        {
            _one.Release();
            File.Delete(zipPath);
            throw;
        }
    }

    /// <summary>The release, read through once; a 400 naming what is wrong otherwise.</summary>
    internal static Rf2Release Check(string zipPath)
    {
        try
        {
            using (var zip = ZipFile.OpenRead(zipPath))
            {
                if (zip.Entries.Count > MaxEntries)
                {
                    throw Invalid("invalid_release", $"The zip has {zip.Entries.Count} entries; at most {MaxEntries} are accepted.");
                }

                var declared = zip.Entries.Sum(e => e.Length);
                if (declared > MaxUncompressedBytes)
                {
                    throw Invalid("invalid_release", $"The zip's files are {declared} bytes uncompressed; at most {MaxUncompressedBytes} are accepted.");
                }

                // Inflated once: a corrupt entry fails here, and one that does not inflate to the size its header
                // declares is refused (the reader caps an entry at its declared size, which the limit above bounds).
                var buffer = new byte[1 << 16];
                foreach (var entry in zip.Entries)
                {
                    using var stream = entry.Open();
                    long inflated = 0;
                    int n;
                    while ((n = stream.Read(buffer)) > 0)
                    {
                        inflated += n;
                    }

                    if (inflated != entry.Length)
                    {
                        throw Invalid("invalid_zip", $"{entry.FullName} inflates to {inflated} bytes where its header declares {entry.Length}.");
                    }
                }
            }

            var release = Rf2Release.Open(zipPath);
            var files = SnomedStore.ImportedFiles(release);
            if (files.Count == 0)
            {
                throw Invalid("invalid_release", "The zip holds no RF2 Snapshot files (sct2_*Snapshot*.txt, der2_*Snapshot*.txt).");
            }

            foreach (var file in files)
            {
                _ = file.Kind switch
                {
                    Rf2FileKind.Concept => Rf2Reader.Concepts(file).Count(),
                    Rf2FileKind.Description or Rf2FileKind.TextDefinition => Rf2Reader.Descriptions(file).Count(),
                    Rf2FileKind.Relationship => Rf2Reader.Relationships(file).Count(),
                    Rf2FileKind.ConcreteValue => Rf2Reader.ConcreteValues(file).Count(),
                    _ => CheckMembers(file),
                };
            }

            return release;
        }
        catch (Rf2FormatException e)
        {
            var entry = EntryName(e.File);
            throw new ApiException(StatusCodes.Status400BadRequest, "invalid_rf2", $"{entry}: line {e.Line}: {e.Problem}",
                [new ErrorIssue("invalid_rf2", e.Problem, entry, e.Line)]);
        }
        catch (InvalidDataException e)
        {
            throw Invalid("invalid_zip", $"The body is not a readable zip: {e.Message}");
        }
    }

    private static int CheckMembers(Rf2File file)
    {
        var n = 0;
        foreach (var member in Rf2Reader.RefsetMembers(file))
        {
            n++;
            if (!Guid.TryParse(member.Id, out _))
            {
                throw new Rf2FormatException(file.Location, n + 1, $"the member id '{member.Id}' is not a UUID");
            }
        }

        return n;
    }

    private static string EntryName(string location) => location.LastIndexOf('!') is var bang and >= 0 ? location[(bang + 1)..] : Path.GetFileName(location);

    private static ApiException Invalid(string code, string message) => new(StatusCodes.Status400BadRequest, code, message);

    private async Task RunAsync(SnomedImportJob job, Rf2Release release, string zipPath)
    {
        try
        {
            var store = new SnomedStore(database.Require().DataSource);
            job.Result = await Task.Run(() => store.Import(release, job.Name, job, lifetime.ApplicationStopping, job.Id));
            // An import that changed nothing leaves the index as it is (when there is one: the start's build may have failed).
            if (!job.Result.ChangedNothing || catalog.Current is null)
            {
                job.State = "indexing";
                await loader.RebuildAsync(lifetime.ApplicationStopping);
            }

            job.State = "done";
        }
        catch (Exception e)
        {
            job.Error = e switch
            {
                Rf2FormatException f => ("invalid_rf2", $"{EntryName(f.File)}: line {f.Line}: {f.Problem}"),
                OperationCanceledException => ("stopped", "The server stopped; nothing of this import was kept."),
                _ => ("import_failed", e.Message),
            };
            job.State = "failed";
            if (e is not (Rf2FormatException or OperationCanceledException))
            {
                logger.LogError(e, "SNOMED CT import {Id} failed", job.Id);
            }
        }
        finally
        {
            job.FinishedAt = DateTimeOffset.UtcNow;
            File.Delete(zipPath);
            _one.Release();
        }
    }
}
