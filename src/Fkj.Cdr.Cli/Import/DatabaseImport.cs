using System.Text;
using System.Threading.Channels;
using Fkj.Cdr.Rm.Codecs.Json;
using Fkj.Cdr.Rm.Common;
using Fkj.Cdr.Rm.Records;
using Fkj.Cdr.Server.Ehr;
using Fkj.Cdr.Server.Errors;
using Fkj.Cdr.Storage;
using Fkj.Cdr.Storage.Records;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Fkj.Cdr.Cli.Import;

/// <summary>What a database import found and did.</summary>
/// <param name="Seconds">The import's own time, from the first EHR to the last commit (not the database's start or the baseline).</param>
/// <param name="BytesPerComposition">The size of the CDR's tables (heap, TOAST, indexes) over the tenant's compositions, after the import.</param>
public sealed record DatabaseImportResult(double Seconds, long CompositionsInTenant, double BytesPerComposition, BaselineResult? Baseline);

/// <summary>
/// Imports a population straight into a CDR's database (the embedded PostgreSQL of a stopped server's data directory,
/// or a connection string), through the server's own code and stores: each EHR_STATUS read and checked as
/// <c>POST /ehr</c> does, each composition decoded and validated against its template as <c>POST /composition</c> does,
/// then written with the same statements (<see cref="EhrCommit"/>, <see cref="CompositionCommit"/>: contribution,
/// versioned object, version, latest version, the leaf rows of the query index, an audit record of its own), many to a
/// transaction.
/// </summary>
/// <remarks>
/// <para>Three stages joined by bounded channels. One task resolves EHRs a hundred at a time: finds each by its
/// subject, creates the missing ones in one transaction, and lists the compositions those EHRs have; it passes on
/// each composition not stored yet, with its versioned object id (<see cref="ImportIds.Composition"/>). Threads
/// (<c>--threads</c>) read, decode, validate and prepare them (uid, leaf rows, document). Writers (<c>--writers</c>)
/// each commit <c>--batch</c> compositions per transaction, as one <see cref="RecordBatch"/>.</para>
/// <para>Restartable: a transaction commits whole or not at all, EHRs are found again by subject and compositions
/// by their ids, so a second run stores exactly what the first did not. When a batch is refused (an EHR that cannot be
/// modified, a composition another import stored meanwhile), its compositions are written one by one, and each
/// refusal is reported with its file.</para>
/// </remarks>
public sealed class DatabaseImport(ImportOptions options, PopulationSource source, ImportProgress progress, ImportProblems problems, ILoggerFactory loggerFactory)
{
    /// <summary>EHRs resolved per step (one look-up by subject, one transaction creating the missing ones).</summary>
    public const int EhrChunk = 100;

    /// <summary>The audit action of an EHR created by the import (POST /ehr records ehr.create).</summary>
    public const string EhrAction = "ehr.import";

    /// <summary>The audit action of a composition stored by the import (POST /composition records composition.create).</summary>
    public const string CompositionAction = "composition.import";

    /// <summary>
    /// Settings of the embedded PostgreSQL for the import (written to its fkj.conf for this start only; the server
    /// writes its own at its next start). Fewer checkpoints, so fewer full-page images in the WAL while the indexes grow;
    /// durability is untouched (fsync and synchronous commit stay on).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> BulkSettings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["max_wal_size"] = "8GB",
        ["checkpoint_timeout"] = "30min",
        ["shared_buffers"] = "1GB",
    };

    private sealed record CompositionWork(string File, Guid EhrId, Guid ObjectId);

    private sealed record ReadyComposition(string File, PreparedCommit Commit);

    private CdrDatabase _database = null!;
    private NpgsqlDataSource _writes = null!;
    private CompositionReader _reader = null!;
    private string _committerJson = "";
    private PartyIdentified _committer = null!;

    public async Task<DatabaseImportResult> RunAsync(CancellationToken cancellationToken)
    {
        var storage = new StorageOptions
        {
            ConnectionString = options.ConnectionString,
            DataDirectory = options.DataDir ?? "./.fkj",
        };
        foreach (var (k, v) in BulkSettings)
        {
            storage.EmbeddedSettings[k] = v;
        }
        await using var database = await CdrDatabase.OpenAsync(storage, loggerFactory, cancellationToken);
        _database = database;
        // The writes go through connections of their own that prepare each statement once (the batches repeat a few
        // statements thousands of times): the same SQL, parsed and planned once per connection instead of every time.
        var writes = new NpgsqlConnectionStringBuilder(database.Embedded?.ConnectionString ?? options.ConnectionString)
        {
            MaxAutoPrepare = 32,
            AutoPrepareMinUsages = 2,
        };
        await using var writeSource = NpgsqlDataSource.Create(writes);
        _writes = writeSource;
        if (!await database.Tenants.ExistsAsync(options.Tenant, cancellationToken))
        {
            throw new ImportException($"the database has no tenant '{options.Tenant}' (add it with SQL: INSERT INTO tenant (id, name) VALUES (...))");
        }
        if (options.Tenant == Server.Tenancy.TenantFilter.DefaultTenant)
        {
            foreach (var message in await ShippedTemplateLoader.LoadAsync(database, cancellationToken))
            {
                progress.Message(message);
            }
        }
        var templates = new TemplateSet(database, options.Tenant);
        var template = await templates.FindAsync(source.TemplateId, cancellationToken)
            ?? throw new ImportException($"tenant '{options.Tenant}' has no template {source.TemplateId}: upload it first (POST /openehr/v1/definition/template/adl1.4)");
        if (source.TemplateSha256 is { } sha && sha != template.Sha256)
        {
            progress.Message($"import: note: tenant '{options.Tenant}' has another {source.TemplateId} than the one the compositions were generated with (SHA-256 {template.Sha256[..12]}… against {sha[..12]}…); they are validated against the tenant's.");
        }
        _reader = new CompositionReader(source.Format, source.TemplateId, templates);
        _committer = new PartyIdentified { Name = options.Committer };
        _committerJson = Encoding.UTF8.GetString(CanonicalJson.Encode(_committer));

        BaselineResult? baseline = null;
        if (options.Baseline)
        {
            progress.Message("import: baseline: COPY of the same documents into a plain jsonb table...");
            baseline = await BaselineCopy.RunAsync(database.DataSource, source, cancellationToken);
            progress.Message(baseline.ToString());
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        progress.Restart();
        await PipelineAsync(cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        var (count, bytes) = await SizeAsync(cancellationToken);
        return new DatabaseImportResult(seconds, count, count == 0 ? 0 : (double)bytes / count, baseline);
    }

    private async Task PipelineAsync(CancellationToken cancellationToken)
    {
        using var failure = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = failure.Token;
        var toRead = Channel.CreateBounded<CompositionWork>(new BoundedChannelOptions(Math.Max(4 * options.Batch, 256)) { SingleWriter = true });
        var toWrite = Channel.CreateBounded<ReadyComposition>(new BoundedChannelOptions(Math.Max(2 * options.Batch * options.Writers, 256)));

        async Task Guard(Func<Task> stage)
        {
            try
            {
                await stage();
            }
            catch
            {
                await failure.CancelAsync();
                throw;
            }
        }

        var resolver = Task.Run(() => Guard(async () =>
        {
            try
            {
                await ResolveAsync(toRead.Writer, token);
            }
            finally
            {
                toRead.Writer.TryComplete();
            }
        }), token);
        var readers = Enumerable.Range(0, options.Threads).Select(_ => Task.Run(() => Guard(() => ReadAsync(toRead.Reader, toWrite.Writer, token)), token)).ToArray();
        var completeWrites = Task.WhenAll(readers).ContinueWith(_ => toWrite.Writer.TryComplete(), TaskScheduler.Default);
        var writers = Enumerable.Range(0, options.Writers).Select(_ => Task.Run(() => Guard(() => WriteAsync(toWrite.Reader, token)), token)).ToArray();
        try
        {
            await Task.WhenAll([resolver, .. readers, .. writers, completeWrites]);
        }
        catch
        {
            // The first real failure, not the cancellations it caused in the other stages.
            var all = new[] { resolver }.Concat(readers).Concat(writers).Where(t => t.IsFaulted).SelectMany(t => t.Exception!.InnerExceptions).ToList();
            var first = all.FirstOrDefault(e => e is not OperationCanceledException) ?? all.FirstOrDefault();
            if (first is not null && !cancellationToken.IsCancellationRequested)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
            }
            throw;
        }
    }

    /// <summary>Finds or creates the EHRs, a chunk at a time, and passes on their compositions that are not stored yet.</summary>
    private async Task ResolveAsync(ChannelWriter<CompositionWork> output, CancellationToken cancellationToken)
    {
        for (var first = 1; first <= source.Ehrs; first += EhrChunk)
        {
            var last = Math.Min(source.Ehrs, first + EhrChunk - 1);
            var wanted = new List<(int N, string File, EhrStatus Status, EhrSubject Subject)>();
            for (var n = first; n <= last; n++)
            {
                var file = PopulationSource.EhrFile(n);
                try
                {
                    var status = CompositionReader.ReadEhrStatus(await File.ReadAllBytesAsync(source.FullPath(file), cancellationToken));
                    var subject = EhrStatusRules.Subject(status)
                        ?? throw new ApiException(400, "no_subject", "The EHR_STATUS names no subject (subject/external_ref): the import finds an EHR again by its subject, so an anonymous EHR cannot be imported.", path: "/subject/external_ref");
                    wanted.Add((n, file, status, subject));
                }
                catch (ApiException e)
                {
                    problems.Add(ImportProblem.Of(file, e) with { Message = $"{e.Message} Its {source.CompositionsPerEhr} compositions are not imported." }, source.CompositionsPerEhr);
                }
                catch (IOException e)
                {
                    problems.Add(new ImportProblem(file, 0, "unreadable", $"{e.Message} Its {source.CompositionsPerEhr} compositions are not imported.", []), source.CompositionsPerEhr);
                }
            }

            var ehrs = await FindOrCreateAsync(wanted, cancellationToken);
            HashSet<Guid> stored;
            await using (var tx = await _database.BeginAsync(options.Tenant, cancellationToken))
            {
                stored = (await _database.Versions.ObjectIdsAsync(tx, ehrs.Values, VersionedType.Composition, cancellationToken)).Select(x => x.ObjectId).ToHashSet();
            }
            foreach (var (n, _, _, subject) in wanted)
            {
                var ehrId = ehrs[subject];
                for (var k = 1; k <= source.CompositionsPerEhr; k++)
                {
                    var file = PopulationSource.CompositionFile(n, k);
                    var objectId = ImportIds.Composition(ehrId, file);
                    if (stored.Contains(objectId))
                    {
                        progress.AddSkipped(1);
                        continue;
                    }
                    await output.WriteAsync(new CompositionWork(file, ehrId, objectId), cancellationToken);
                }
            }
        }
    }

    /// <summary>The EHR of each subject: found, or created now in one transaction (again for those another writer created meanwhile).</summary>
    private async Task<Dictionary<EhrSubject, Guid>> FindOrCreateAsync(List<(int N, string File, EhrStatus Status, EhrSubject Subject)> wanted, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            Dictionary<EhrSubject, Guid> found;
            await using (var tx = await _database.BeginAsync(options.Tenant, cancellationToken))
            {
                found = new Dictionary<EhrSubject, Guid>(await _database.Ehrs.FindBySubjectsAsync(tx, wanted.Select(w => w.Subject).ToList(), cancellationToken));
            }
            var missing = wanted.Where(w => !found.ContainsKey(w.Subject)).ToList();
            if (missing.Count == 0)
            {
                return found;
            }
            var commit = Commit();
            var prepared = new List<PreparedEhr>(missing.Count);
            foreach (var (_, _, status, _) in missing)
            {
                prepared.Add(EhrCommit.Prepare(Guid.CreateVersion7(commit.Time), Guid.CreateVersion7(commit.Time), options.SystemId, commit, status));
            }
            foreach (var p in prepared)
            {
                await _database.LeafIndex.InternAsync(p.Status.Leaves, cancellationToken);
            }
            try
            {
                await using var batch = await RecordBatch.OpenAsync(_writes, options.Tenant, cancellationToken: cancellationToken);
                for (var i = 0; i < prepared.Count; i++)
                {
                    var p = prepared[i];
                    EhrCommit.Add(_database, batch, p, Audit(commit.Time, EhrAction, p.Ehr.EhrId, p.Status.Uid.ObjectId, missing[i].File));
                }
                await batch.ExecuteAsync(cancellationToken);
                progress.AddEhrsCreated(prepared.Count);
                for (var i = 0; i < prepared.Count; i++)
                {
                    found[missing[i].Subject] = prepared[i].Ehr.EhrId;
                }
                return found;
            }
            catch (RecordConflictException e) when (e.Constraint == EhrStore.SubjectTaken && attempt < 3)
            {
                // Another writer created one of these EHRs meanwhile: look them up again.
            }
        }
    }

    /// <summary>Reads, decodes, validates and prepares compositions (one of <c>--threads</c>).</summary>
    private async Task ReadAsync(ChannelReader<CompositionWork> input, ChannelWriter<ReadyComposition> output, CancellationToken cancellationToken)
    {
        await foreach (var work in input.ReadAllAsync(cancellationToken))
        {
            PreparedCommit commit;
            try
            {
                var body = await File.ReadAllBytesAsync(source.FullPath(work.File), cancellationToken);
                var (composition, template) = await _reader.ReadAsync(body, cancellationToken);
                commit = CompositionCommit.Prepare(work.EhrId, work.ObjectId, options.SystemId, Commit(), composition, template.TemplateId);
            }
            catch (ApiException e)
            {
                problems.Add(ImportProblem.Of(work.File, e));
                continue;
            }
            catch (IOException e)
            {
                problems.Add(new ImportProblem(work.File, 0, "unreadable", e.Message, []));
                continue;
            }
            await output.WriteAsync(new ReadyComposition(work.File, commit), cancellationToken);
        }
    }

    /// <summary>Commits prepared compositions, <c>--batch</c> to a transaction (one of <c>--writers</c>).</summary>
    private async Task WriteAsync(ChannelReader<ReadyComposition> input, CancellationToken cancellationToken)
    {
        var batch = new List<ReadyComposition>(options.Batch);
        while (await input.WaitToReadAsync(cancellationToken))
        {
            while (batch.Count < options.Batch && input.TryRead(out var ready))
            {
                batch.Add(ready);
            }
            if (batch.Count >= options.Batch)
            {
                await CommitAsync(batch, cancellationToken);
                batch.Clear();
            }
        }
        if (batch.Count > 0)
        {
            await CommitAsync(batch, cancellationToken);
        }
    }

    private async Task CommitAsync(List<ReadyComposition> compositions, CancellationToken cancellationToken)
    {
        foreach (var ready in compositions)
        {
            await _database.LeafIndex.InternAsync(ready.Commit.Leaves, cancellationToken);
        }
        try
        {
            await ExecuteAsync(compositions, cancellationToken);
            progress.AddStored(compositions.Count);
        }
        catch (RecordConflictException) when (compositions.Count > 1)
        {
            // Nothing of the batch was written; one at a time, each refusal is reported with its file.
            foreach (var ready in compositions)
            {
                await CommitOneAsync(ready, cancellationToken);
            }
        }
        catch (RecordConflictException)
        {
            await CommitOneAsync(compositions[0], cancellationToken);
        }
    }

    private async Task CommitOneAsync(ReadyComposition ready, CancellationToken cancellationToken)
    {
        try
        {
            await ExecuteAsync([ready], cancellationToken);
            progress.AddStored(1);
        }
        catch (RecordConflictException e) when (e.Constraint == VersionStore.ObjectIdTaken)
        {
            // Stored meanwhile by another run of the import: the same id, so the same file.
            progress.AddSkipped(1);
        }
        catch (RecordConflictException e) when (!e.IsUniqueViolation)
        {
            // The contribution is written only to a modifiable EHR; the EHR says why it was not.
            var ehrId = ready.Commit.EhrId;
            EhrRow? ehr;
            await using (var tx = await _database.BeginAsync(options.Tenant, cancellationToken))
            {
                ehr = await _database.Ehrs.FindAsync(tx, ehrId, cancellationToken);
            }
            problems.Add(ImportProblem.Of(ready.File, ehr is null ? EhrErrors.EhrNotFound(ehrId) : ehr.IsModifiable ? new ApiException(500, "conflict", e.Message) : EhrErrors.NotModifiable(ehrId)));
        }
    }

    private async Task ExecuteAsync(IReadOnlyList<ReadyComposition> compositions, CancellationToken cancellationToken)
    {
        await using var batch = await RecordBatch.OpenAsync(_writes, options.Tenant, cancellationToken: cancellationToken);
        foreach (var ready in compositions)
        {
            var commit = ready.Commit;
            CompositionCommit.Add(_database, batch, commit, Audit(commit.Version.TimeCommitted, CompositionAction, commit.EhrId, commit.Uid.ObjectId, ready.File));
        }
        await batch.ExecuteAsync(cancellationToken);
    }

    /// <summary>The commit's audit details: the committer, now (to the microsecond, as PostgreSQL keeps it).</summary>
    private CommitInfo Commit()
    {
        var now = DateTimeOffset.UtcNow;
        return new CommitInfo(_committer, _committerJson, null, LifecycleState.Complete, new DateTimeOffset(now.Ticks - now.Ticks % 10, TimeSpan.Zero));
    }

    private AuditEvent Audit(DateTimeOffset time, string action, Guid ehrId, Guid objectId, string file) =>
        new(time, options.Committer, action, ehrId, objectId, 1, AuditOutcome.Success, 201, null, $"{file} of {source.Root}");

    /// <summary>The tenant's compositions, and the size of every CDR table with its TOAST and indexes.</summary>
    private async Task<(long Count, long Bytes)> SizeAsync(CancellationToken cancellationToken)
    {
        long count;
        await using (var tx = await _database.BeginAsync(options.Tenant, cancellationToken))
        {
            await using var command = tx.Command("SELECT count(*) FROM versioned_object WHERE tenant_id = @tenant AND rm_type = @rm_type");
            command.Parameters.AddWithValue("tenant", options.Tenant);
            command.Parameters.AddWithValue("rm_type", VersionedType.Composition);
            count = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        await using var size = _database.DataSource.CreateCommand(
            "SELECT sum(pg_total_relation_size(t::regclass))::bigint FROM unnest(@tables::text[]) AS t");
        size.Parameters.AddWithValue("tables", CdrTables);
        var bytes = (long)(await size.ExecuteScalarAsync(cancellationToken))!;
        return (count, bytes);
    }

    /// <summary>The tables an EHR's data lives in (migration 0003).</summary>
    public static readonly string[] CdrTables =
        ["ehr", "ehr_subject", "contribution", "versioned_object", "object_version", "latest_version", "leaf_value", "audit_event"];
}

/// <summary>The import cannot start or go on; the message says why.</summary>
public sealed class ImportException(string message, Exception? inner = null) : Exception(message, inner);
