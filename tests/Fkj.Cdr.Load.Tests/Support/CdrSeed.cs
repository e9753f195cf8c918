using Fkj.Cdr.Storage.Migrations;
using Npgsql;

namespace Fkj.Cdr.Load.Tests.Support;

/// <summary>
/// Hand-made blood pressures in the CDR's real schema (the server's migrations), written straight into the tables as
/// docs/storage.md describes them: EHRs, compositions with their versions and latest_version, and leaf_value rows
/// at the systolic, diastolic and event-time paths, each observation's rows sharing its first ancestor.
/// </summary>
public sealed class CdrSeed(NpgsqlDataSource dataSource)
{
    public const string Root = "[openEHR-EHR-COMPOSITION.encounter.v1]/content[openEHR-EHR-OBSERVATION.blood_pressure.v2]";

    private readonly HashSet<Guid> _ehrs = [];

    public int Systolic { get; private set; }

    public int Diastolic { get; private set; }

    public int Time { get; private set; }

    /// <summary>Applies the migrations and interns the three paths and a decoy (a pulse rate).</summary>
    public async Task InitializeAsync()
    {
        await new MigrationRunner(dataSource).RunAsync();
        Systolic = await PathAsync(Root + "/data[at0001]/events[at0006]/data[at0003]/items[at0004]/value", "DV_QUANTITY");
        Diastolic = await PathAsync(Root + "/data[at0001]/events[at0006]/data[at0003]/items[at0005]/value", "DV_QUANTITY");
        Time = await PathAsync(Root + "/data[at0001]/events[at0006]/time", "DV_DATE_TIME");
        await PathAsync("[openEHR-EHR-COMPOSITION.encounter.v1]/content[openEHR-EHR-OBSERVATION.pulse.v2]/data[at0002]/events[at0003]/data[at0001]/items[at0004]/value", "DV_QUANTITY");
    }

    /// <summary>One observation of a version: its first ancestor (pre-order number), time, and values (null: none stored).</summary>
    public sealed record Observation(int Node, DateTimeOffset Time, double? Systolic, double? Diastolic);

    /// <summary>
    /// Version <paramref name="version"/> of composition <paramref name="objectId"/> (uid objectId::test::version) with
    /// its observations; <paramref name="deleted"/>: a deletion (no document, no leaf rows). The last version written of
    /// an object becomes its latest.
    /// </summary>
    public async Task VersionAsync(Guid ehrId, Guid objectId, int version, bool deleted, params Observation[] observations)
    {
        if (_ehrs.Add(ehrId))
        {
            await ExecuteAsync("INSERT INTO ehr (tenant_id, ehr_id, time_created, status_object_id, is_modifiable, is_queryable) VALUES ('default', $1, now(), gen_random_uuid(), true, true)", ehrId);
        }
        if (version == 1)
        {
            await ExecuteAsync("INSERT INTO versioned_object (tenant_id, ehr_id, object_id, rm_type, time_created, template_id) VALUES ('default', $1, $2, 'COMPOSITION', now(), 'test.v1')", ehrId, objectId);
        }
        var contribution = Guid.NewGuid();
        await ExecuteAsync("INSERT INTO contribution (tenant_id, ehr_id, contribution_id, system_id, committer, time_committed, change_type) VALUES ('default', $1, $2, 'test', 'tester', now(), 249)", ehrId, contribution);
        var uid = $"{objectId}::test::{version}";
        await using var insert = dataSource.CreateCommand("""
            INSERT INTO object_version (tenant_id, ehr_id, object_id, version, contribution_id, time_committed, change_type, lifecycle_state, document)
            VALUES ('default', $1, $2, $3, $4, now(), $5, 532, $6) RETURNING version_key
            """);
        insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = ehrId });
        insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = objectId });
        insert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = version });
        insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = contribution });
        insert.Parameters.Add(new NpgsqlParameter<short> { TypedValue = (short)(deleted ? 523 : version == 1 ? 249 : 251) });
        insert.Parameters.Add(new NpgsqlParameter { Value = deleted ? DBNull.Value : $"{{\"_type\":\"COMPOSITION\",\"uid\":{{\"_type\":\"OBJECT_VERSION_ID\",\"value\":\"{uid}\"}}}}" });
        var versionKey = (long)(await insert.ExecuteScalarAsync())!;
        await ExecuteAsync("""
            INSERT INTO latest_version (tenant_id, ehr_id, object_id, version, version_key, deleted) VALUES ('default', $1, $2, $3, $4, $5)
            ON CONFLICT (tenant_id, ehr_id, object_id) DO UPDATE SET version = EXCLUDED.version, version_key = EXCLUDED.version_key, deleted = EXCLUDED.deleted
            """, ehrId, objectId, version, versionKey, deleted);
        foreach (var o in deleted ? [] : observations)
        {
            // Observation, history, event (, item tree, element): the time is a value of the event, the pressures of elements below it.
            await LeafAsync(ehrId, versionKey, Time, o.Time.ToUnixTimeSeconds(), o.Node, o.Node + 1, o.Node + 2);
            if (o.Systolic is { } s)
            {
                await LeafAsync(ehrId, versionKey, Systolic, s, o.Node, o.Node + 1, o.Node + 2, o.Node + 3, o.Node + 4);
            }
            if (o.Diastolic is { } d)
            {
                await LeafAsync(ehrId, versionKey, Diastolic, d, o.Node, o.Node + 1, o.Node + 2, o.Node + 3, o.Node + 5);
            }
        }
    }

    private async Task LeafAsync(Guid ehrId, long versionKey, int pathId, double num, params int[] ancestors)
    {
        var bytes = ancestors.SelectMany(a => new[] { (byte)(a >> 8), (byte)a }).ToArray();
        await ExecuteAsync("INSERT INTO leaf_value (tenant_id, ehr_id, version_key, path_id, num, ancestors) VALUES ('default', $1, $2, $3, $4, $5)",
            ehrId, versionKey, pathId, num, bytes);
    }

    private async Task<int> PathAsync(string path, string leafType)
    {
        await using var command = dataSource.CreateCommand("INSERT INTO archetype_path (path, rm_types) VALUES ($1, $2) RETURNING path_id");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = path });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = ["COMPOSITION", "OBSERVATION", leafType] });
        return (int)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql, params object[] values)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        await command.ExecuteNonQueryAsync();
    }
}
