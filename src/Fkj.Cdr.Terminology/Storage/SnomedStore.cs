using System.Diagnostics;
using System.Text.Json;
using Fkj.Cdr.Terminology.Rf2;
using Npgsql;
using NpgsqlTypes;

namespace Fkj.Cdr.Terminology.Storage;

/// <summary>
/// The SNOMED CT reference tables (migration 0007_snomed.sql): imports RF2 Snapshot releases into them and reads them
/// back as an <see cref="IRf2Source"/>, which the in-process index is built from.
/// <para>
/// An import is one transaction: every row is COPYed (binary) into temporary staging tables, then merged into the
/// component tables (per id the latest effectiveTime; a stored row is replaced only by a newer one), then, when
/// concepts or relationships changed, the IS-A closure is recomputed (in C#, from the merged rows, and COPYed). A
/// malformed file rolls everything back. Importing the same release again changes nothing.
/// </para>
/// <para>Runs as the connection's own role (the migrating role): fkj_app may only read these tables.</para>
/// </summary>
public sealed class SnomedStore(NpgsqlDataSource dataSource)
{
    /// <summary>The files an import reads: components and every reference set (stated relationships are not kept).</summary>
    public static IReadOnlyList<Rf2File> ImportedFiles(Rf2Release release) =>
        release.Files.Where(f => f.Kind is not (Rf2FileKind.Other or Rf2FileKind.StatedRelationship)).ToList();

    /// <summary>The total size of the files an import reads, for a progress bar.</summary>
    public static long SizeOf(IEnumerable<Rf2File> files) => files.Sum(Rf2FileSize.Of);

    /// <summary>True when a release has been imported.</summary>
    public async Task<bool> HasReleaseAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(SnomedSql.HasRelease);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>A finished import as snomed_import records it, or null.</summary>
    public async Task<SnomedImportRecord?> FindImportAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(SnomedSql.FindImport);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new SnomedImportRecord(id, reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3), reader.GetFieldValue<DateTimeOffset>(4))
            : null;
    }

    /// <summary>The rows of the tables, as the index builder reads them.</summary>
    public IRf2Source Source() => new SnomedTableSource(dataSource);

    /// <summary>How many rows each table holds.</summary>
    public async Task<SnomedTableCounts> CountsAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(SnomedSql.Counts);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new SnomedTableCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3),
            reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7));
    }

    /// <summary>
    /// Imports the release (synchronous: COPY streams are written row by row; run it on a thread of its own).
    /// Throws <see cref="Rf2FormatException"/> for a malformed row, and then nothing is kept.
    /// </summary>
    /// <param name="id">The import's id in snomed_import (a new one when null).</param>
    public SnomedImportResult Import(Rf2Release release, string name, IProgress<SnomedImportProgress>? progress = null,
        CancellationToken cancellationToken = default, Guid? id = null)
    {
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var files = ImportedFiles(release);
        var tracker = new ImportTracker(SizeOf(files), progress);
        var read = new Dictionary<string, long>();
        var changed = new Dictionary<string, long>();

        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        Execute(connection, SnomedSql.CreateStaging);

        tracker.Stage("reading");
        read["concepts"] = Copy(connection, SnomedSql.CopyConcepts, Tracked(files, Rf2FileKind.Concept, tracker).SelectMany(Rf2Reader.Concepts),
            (w, r) =>
            {
                w.Write(r.Id, NpgsqlDbType.Bigint);
                w.Write(r.EffectiveTime, NpgsqlDbType.Integer);
                w.Write(r.Active, NpgsqlDbType.Boolean);
                w.Write(r.ModuleId, NpgsqlDbType.Bigint);
                w.Write(r.DefinitionStatusId, NpgsqlDbType.Bigint);
            }, tracker, cancellationToken);
        var descriptions = Tracked(files, Rf2FileKind.Description, tracker).SelectMany(Rf2Reader.Descriptions).Select(d => (d, false))
            .Concat(Tracked(files, Rf2FileKind.TextDefinition, tracker).SelectMany(Rf2Reader.Descriptions).Select(d => (d, true)));
        read["descriptions"] = Copy(connection, SnomedSql.CopyDescriptions, descriptions, (w, x) =>
        {
            var (r, definition) = x;
            w.Write(r.Id, NpgsqlDbType.Bigint);
            w.Write(r.EffectiveTime, NpgsqlDbType.Integer);
            w.Write(r.Active, NpgsqlDbType.Boolean);
            w.Write(r.ModuleId, NpgsqlDbType.Bigint);
            w.Write(r.ConceptId, NpgsqlDbType.Bigint);
            w.Write(r.LanguageCode, NpgsqlDbType.Text);
            w.Write(r.TypeId, NpgsqlDbType.Bigint);
            w.Write(r.Term, NpgsqlDbType.Text);
            w.Write(r.CaseSignificanceId, NpgsqlDbType.Bigint);
            w.Write(definition, NpgsqlDbType.Boolean);
        }, tracker, cancellationToken);
        read["relationships"] = Copy(connection, SnomedSql.CopyRelationships, Tracked(files, Rf2FileKind.Relationship, tracker).SelectMany(Rf2Reader.Relationships),
            (w, r) =>
            {
                w.Write(r.Id, NpgsqlDbType.Bigint);
                w.Write(r.EffectiveTime, NpgsqlDbType.Integer);
                w.Write(r.Active, NpgsqlDbType.Boolean);
                w.Write(r.ModuleId, NpgsqlDbType.Bigint);
                w.Write(r.SourceId, NpgsqlDbType.Bigint);
                w.Write(r.DestinationId, NpgsqlDbType.Bigint);
                w.Write(r.Group, NpgsqlDbType.Integer);
                w.Write(r.TypeId, NpgsqlDbType.Bigint);
                w.Write(r.CharacteristicTypeId, NpgsqlDbType.Bigint);
                w.Write(r.ModifierId, NpgsqlDbType.Bigint);
            }, tracker, cancellationToken);
        read["concreteValues"] = Copy(connection, SnomedSql.CopyConcreteValues, Tracked(files, Rf2FileKind.ConcreteValue, tracker).SelectMany(Rf2Reader.ConcreteValues),
            (w, r) =>
            {
                w.Write(r.Id, NpgsqlDbType.Bigint);
                w.Write(r.EffectiveTime, NpgsqlDbType.Integer);
                w.Write(r.Active, NpgsqlDbType.Boolean);
                w.Write(r.ModuleId, NpgsqlDbType.Bigint);
                w.Write(r.SourceId, NpgsqlDbType.Bigint);
                w.Write(r.Value, NpgsqlDbType.Text);
                w.Write(r.Group, NpgsqlDbType.Integer);
                w.Write(r.TypeId, NpgsqlDbType.Bigint);
                w.Write(r.CharacteristicTypeId, NpgsqlDbType.Bigint);
            }, tracker, cancellationToken);

        var refsetFiles = files.Where(f => f.IsRefset).ToList();
        var refsets = new Dictionary<long, Rf2File>();
        read["refsetMembers"] = Copy(connection, SnomedSql.CopyRefsetMembers,
            refsetFiles.Select(f => f.Wrapped(tracker.For(f))).SelectMany(Rf2Reader.RefsetMembers), (w, r) =>
            {
                if (!Guid.TryParse(r.Id, out var id))
                {
                    throw new Rf2FormatException(r.File.Location, 0, $"the member id '{r.Id}' is not a UUID");
                }

                refsets.TryAdd(r.RefsetId, r.File);
                w.Write(id, NpgsqlDbType.Uuid);
                w.Write(r.EffectiveTime, NpgsqlDbType.Integer);
                w.Write(r.Active, NpgsqlDbType.Boolean);
                w.Write(r.ModuleId, NpgsqlDbType.Bigint);
                w.Write(r.RefsetId, NpgsqlDbType.Bigint);
                w.Write(r.ReferencedComponentId, NpgsqlDbType.Bigint);
                w.Write(r.Fields, NpgsqlDbType.Array | NpgsqlDbType.Text);
            }, tracker, cancellationToken);

        tracker.Stage("merging");
        changed["refsets"] = 0;
        foreach (var (refsetId, file) in refsets.OrderBy(r => r.Key))
        {
            using var upsert = new NpgsqlCommand(SnomedSql.UpsertRefset, connection);
            upsert.Parameters.AddWithValue("refset_id", refsetId);
            upsert.Parameters.AddWithValue("kind", KindName(file.Kind));
            upsert.Parameters.AddWithValue("file_name", file.Name);
            upsert.Parameters.AddWithValue("columns", file.Columns.ToArray());
            changed["refsets"] += upsert.ExecuteNonQuery();
        }

        changed["concepts"] = Execute(connection, SnomedSql.MergeConcepts);
        changed["descriptions"] = Execute(connection, SnomedSql.MergeDescriptions);
        changed["relationships"] = Execute(connection, SnomedSql.MergeRelationships);
        changed["concreteValues"] = Execute(connection, SnomedSql.MergeConcreteValues);
        changed["refsetMembers"] = Execute(connection, SnomedSql.MergeRefsetMembers);
        cancellationToken.ThrowIfCancellationRequested();

        long? closure = null;
        using (var empty = new NpgsqlCommand(SnomedSql.ClosureIsEmpty, connection))
        {
            if (changed["concepts"] > 0 || changed["relationships"] > 0 || (bool)empty.ExecuteScalar()!)
            {
                tracker.Stage("transitive closure");
                closure = WriteClosure(connection);
            }
        }

        var result = new SnomedImportResult(id ?? Guid.NewGuid(), name, read, changed, closure, tracker.Files, clock.Elapsed);
        using (var record = new NpgsqlCommand(SnomedSql.InsertImport, connection))
        {
            record.Parameters.AddWithValue("id", result.Id);
            record.Parameters.AddWithValue("name", name);
            record.Parameters.AddWithValue("files", JsonSerializer.Serialize(result.Files.Select(f => new { name = f.Name, size = f.Size, sha256 = f.Sha256 })));
            record.Parameters.AddWithValue("counts", JsonSerializer.Serialize(new { read, changed, closure }));
            record.Parameters.AddWithValue("started_at", started);
            record.ExecuteNonQuery();
        }

        cancellationToken.ThrowIfCancellationRequested();
        tracker.Stage("committing");
        transaction.Commit();
        tracker.Stage("done");
        return result;
    }

    internal static string KindName(Rf2FileKind kind) => kind switch
    {
        Rf2FileKind.LanguageRefset => "language",
        Rf2FileKind.AssociationRefset => "association",
        Rf2FileKind.MapRefset => "map",
        Rf2FileKind.SimpleRefset => "simple",
        Rf2FileKind.OtherRefset => "other",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a reference set kind"),
    };

    private static IEnumerable<Rf2File> Tracked(IEnumerable<Rf2File> files, Rf2FileKind kind, ImportTracker tracker) =>
        files.Where(f => f.Kind == kind).Select(f => f.Wrapped(tracker.For(f)));

    private static long Copy<T>(NpgsqlConnection connection, string copy, IEnumerable<T> rows, Action<NpgsqlBinaryImporter, T> write,
        ImportTracker tracker, CancellationToken cancellationToken)
    {
        long n = 0;
        using var importer = connection.BeginBinaryImport(copy);
        foreach (var row in rows)
        {
            importer.StartRow();
            write(importer, row);
            if ((++n & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                tracker.AddRows(0x1000);
            }
        }

        tracker.AddRows(n & 0xFFF);
        importer.Complete();
        return n;
    }

    private static long Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return command.ExecuteNonQuery();
    }

    /// <summary>Recomputes the closure from the merged rows and COPYs it in, ancestor by ancestor (the key's order).</summary>
    private static long WriteClosure(NpgsqlConnection connection)
    {
        var ids = new List<long>();
        var active = new List<bool>();
        using (var export = connection.BeginBinaryExport(SnomedSql.ConceptsForClosure))
        {
            while (export.StartRow() != -1)
            {
                ids.Add(export.Read<long>(NpgsqlDbType.Bigint));
                active.Add(export.Read<bool>(NpgsqlDbType.Boolean));
            }
        }

        var edges = new List<(long Source, long Destination)>();
        using (var export = connection.BeginBinaryExport(SnomedSql.IsaEdges))
        {
            while (export.StartRow() != -1)
            {
                edges.Add((export.Read<long>(NpgsqlDbType.Bigint), export.Read<long>(NpgsqlDbType.Bigint)));
            }
        }

        var conceptIds = ids.ToArray();
        var descendants = IsaClosure.Descendants(conceptIds, edges);
        Execute(connection, SnomedSql.ClearClosure);
        long rows = 0;
        using var importer = connection.BeginBinaryImport(SnomedSql.CopyClosure);
        for (var a = 0; a < conceptIds.Length; a++)
        {
            var below = descendants[a];
            var selfWritten = !active[a];
            foreach (var d in below)
            {
                if (!selfWritten && d > a)
                {
                    WritePair(importer, conceptIds[a], conceptIds[a]);
                    rows++;
                    selfWritten = true;
                }

                WritePair(importer, conceptIds[a], conceptIds[d]);
                rows++;
            }

            if (!selfWritten)
            {
                WritePair(importer, conceptIds[a], conceptIds[a]);
                rows++;
            }
        }

        importer.Complete();
        return rows;
    }

    private static void WritePair(NpgsqlBinaryImporter importer, long ancestor, long descendant)
    {
        importer.StartRow();
        importer.Write(ancestor, NpgsqlDbType.Bigint);
        importer.Write(descendant, NpgsqlDbType.Bigint);
    }
}
