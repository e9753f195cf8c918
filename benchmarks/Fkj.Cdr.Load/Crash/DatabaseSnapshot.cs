using Npgsql;

namespace Fkj.Cdr.Load.Crash;

/// <summary>A version of a composition as stored, with what must come with it: its contribution, its leaf rows and its write's audit record.</summary>
public sealed record StoredVersion(
    Guid EhrId,
    Guid ObjectId,
    int Version,
    short ChangeType,
    string? Marker,
    bool HasContribution,
    long LeafRows,
    long WriteAudits,
    bool IsLatest);

/// <summary>Something in the database that a whole, committed write cannot leave: the kind, and which rows.</summary>
public sealed record IntegrityProblem(string Kind, string Detail);

/// <summary>
/// What the server stored for the run's EHRs, read as the superuser straight from PostgreSQL after a restart:
/// every composition version with its contribution, leaf rows and audit record, and every sign of a write
/// that was cut in half: a versioned object without versions or with a gap in them, a latest_version that is
/// not the newest version, a contribution without versions, leaf rows or a write's audit record whose version
/// is not there.
/// </summary>
public sealed class DatabaseSnapshot
{
    private const string VersionsSql = $"""
        SELECT v.ehr_id, v.object_id, v.version, v.change_type,
               CASE WHEN v.document IS NULL THEN NULL ELSE v.document::jsonb #>> '{MarkedBodies.MarkerJsonPath}' END,
               c.contribution_id IS NOT NULL,
               coalesce(leaves.n, 0),
               coalesce(audits.n, 0),
               coalesce(l.version_key = v.version_key, false)
        FROM object_version v
        JOIN versioned_object o ON o.tenant_id = v.tenant_id AND o.ehr_id = v.ehr_id AND o.object_id = v.object_id
        LEFT JOIN contribution c ON c.tenant_id = v.tenant_id AND c.ehr_id = v.ehr_id AND c.contribution_id = v.contribution_id
        LEFT JOIN latest_version l ON l.tenant_id = v.tenant_id AND l.ehr_id = v.ehr_id AND l.object_id = v.object_id
        LEFT JOIN (SELECT tenant_id, ehr_id, version_key, count(*) AS n FROM leaf_value
                   WHERE ehr_id = ANY(@ehrs) GROUP BY tenant_id, ehr_id, version_key) leaves
               ON leaves.tenant_id = v.tenant_id AND leaves.ehr_id = v.ehr_id AND leaves.version_key = v.version_key
        LEFT JOIN (SELECT tenant_id, ehr_id, object_id, version, count(*) AS n FROM audit_event
                   WHERE ehr_id = ANY(@ehrs) AND outcome = 'success' AND action IN ('composition.create', 'composition.update')
                   GROUP BY tenant_id, ehr_id, object_id, version) audits
               ON audits.tenant_id = v.tenant_id AND audits.ehr_id = v.ehr_id AND audits.object_id = v.object_id AND audits.version = v.version
        WHERE v.ehr_id = ANY(@ehrs) AND o.rm_type = 'COMPOSITION'
        """;

    /// <summary>Each query names its rows as text: a problem found is listed with them.</summary>
    private static readonly (string Kind, string Sql)[] ProblemQueries =
    [
        ("versioned object without versions", """
            SELECT o.ehr_id || ' ' || o.object_id || ' (' || o.rm_type || ')' FROM versioned_object o
            WHERE o.ehr_id = ANY(@ehrs) AND NOT EXISTS (
                SELECT 1 FROM object_version v WHERE v.tenant_id = o.tenant_id AND v.ehr_id = o.ehr_id AND v.object_id = o.object_id)
            """),
        ("versioned object without latest_version", """
            SELECT o.ehr_id || ' ' || o.object_id || ' (' || o.rm_type || ')' FROM versioned_object o
            WHERE o.ehr_id = ANY(@ehrs) AND NOT EXISTS (
                SELECT 1 FROM latest_version l WHERE l.tenant_id = o.tenant_id AND l.ehr_id = o.ehr_id AND l.object_id = o.object_id)
            """),
        ("latest_version is not the newest version", """
            SELECT l.ehr_id || ' ' || l.object_id || ': latest_version ' || l.version || ', newest ' || coalesce(n.version::text, 'none')
            FROM latest_version l
            LEFT JOIN LATERAL (SELECT v.version, v.version_key FROM object_version v
                               WHERE v.tenant_id = l.tenant_id AND v.ehr_id = l.ehr_id AND v.object_id = l.object_id
                               ORDER BY v.version DESC LIMIT 1) n ON true
            WHERE l.ehr_id = ANY(@ehrs) AND (n.version IS DISTINCT FROM l.version OR n.version_key IS DISTINCT FROM l.version_key)
            """),
        ("versions numbered with a gap", """
            SELECT ehr_id || ' ' || object_id || ': ' || count(*) || ' versions, newest ' || max(version) FROM object_version
            WHERE ehr_id = ANY(@ehrs) GROUP BY tenant_id, ehr_id, object_id HAVING count(*) <> max(version)
            """),
        ("version without its contribution", """
            SELECT v.ehr_id || ' ' || v.object_id || ' v' || v.version FROM object_version v
            WHERE v.ehr_id = ANY(@ehrs) AND NOT EXISTS (
                SELECT 1 FROM contribution c WHERE c.tenant_id = v.tenant_id AND c.ehr_id = v.ehr_id AND c.contribution_id = v.contribution_id)
            """),
        ("contribution without versions", """
            SELECT c.ehr_id || ' ' || c.contribution_id FROM contribution c
            WHERE c.ehr_id = ANY(@ehrs) AND NOT EXISTS (
                SELECT 1 FROM object_version v WHERE v.tenant_id = c.tenant_id AND v.ehr_id = c.ehr_id AND v.contribution_id = c.contribution_id)
            """),
        ("leaf rows without their version", """
            SELECT lv.ehr_id || ' version_key ' || lv.version_key || ': ' || count(*) || ' rows' FROM leaf_value lv
            WHERE lv.ehr_id = ANY(@ehrs) AND NOT EXISTS (
                SELECT 1 FROM object_version v WHERE v.tenant_id = lv.tenant_id AND v.ehr_id = lv.ehr_id AND v.version_key = lv.version_key)
            GROUP BY lv.tenant_id, lv.ehr_id, lv.version_key
            """),
        ("write audit record without its version", """
            SELECT a.ehr_id || ' ' || a.object_id || ' v' || a.version || ' (' || a.action || ')' FROM audit_event a
            WHERE a.ehr_id = ANY(@ehrs) AND a.outcome = 'success' AND a.action IN ('composition.create', 'composition.update', 'ehr.create')
              AND NOT EXISTS (SELECT 1 FROM object_version v
                              WHERE v.tenant_id = a.tenant_id AND v.ehr_id = a.ehr_id AND v.object_id = a.object_id AND v.version = a.version)
            """),
    ];

    public DatabaseSnapshot(IReadOnlyList<StoredVersion> versions, IReadOnlyList<IntegrityProblem> problems)
    {
        Versions = versions;
        Problems = problems;
    }

    /// <summary>Every version of a composition in the run's EHRs.</summary>
    public IReadOnlyList<StoredVersion> Versions { get; }

    /// <summary>Orphans and half-written objects found by the queries above.</summary>
    public IReadOnlyList<IntegrityProblem> Problems { get; }

    public static async Task<DatabaseSnapshot> ReadAsync(string connectionString, IReadOnlyCollection<Guid> ehrs, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        // One snapshot for every query, so a read made meanwhile cannot look like a problem.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        var ids = ehrs.ToArray();

        var versions = new List<StoredVersion>();
        await using (var command = new NpgsqlCommand(VersionsSql, connection, transaction))
        {
            command.Parameters.AddWithValue("ehrs", ids);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                versions.Add(new StoredVersion(
                    reader.GetGuid(0), reader.GetGuid(1), reader.GetInt32(2), reader.GetInt16(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4),
                    reader.GetBoolean(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetBoolean(8)));
            }
        }

        var problems = new List<IntegrityProblem>();
        foreach (var (kind, sql) in ProblemQueries)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            command.Parameters.AddWithValue("ehrs", ids);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                problems.Add(new IntegrityProblem(kind, reader.GetString(0)));
            }
        }
        await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
        return new DatabaseSnapshot(versions, problems);
    }
}
