using Npgsql;

namespace Fkj.Cdr.Load.Scenarios.Aql;

/// <summary>
/// The SQL baselines of the AQL scenarios: the same questions asked by hand of the CDR's own tables (leaf_value,
/// latest_version, object_version; docs/storage.md) with raw Npgsql, one statement each, as someone who knows the
/// storage would write them: the path ids looked up once, only latest versions that are not deletions, a date-time
/// in <c>num</c> as seconds since 1970. Read only: nothing here writes.
/// </summary>
public sealed class CdrSql(NpgsqlDataSource dataSource, string tenant)
{
    private BloodPressurePaths? _paths;

    /// <summary>The path ids of the systolic, diastolic and event time values (archetype_path), looked up once.</summary>
    public async Task<BloodPressurePaths> PathsAsync(CancellationToken cancellationToken)
    {
        if (_paths is { } known)
        {
            return known;
        }
        await using var command = dataSource.CreateCommand(
            "SELECT path_id, path FROM archetype_path WHERE path LIKE '%' || $1 OR path LIKE '%' || $2 OR path LIKE '%' || $3");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = AqlQueries.SystolicPathSuffix });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = AqlQueries.DiastolicPathSuffix });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = AqlQueries.TimePathSuffix });
        List<int> systolic = [], diastolic = [], time = [];
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var (id, path) = (reader.GetInt32(0), reader.GetString(1));
                // Only paths that end there: an observation nested deeper would still end with the suffix, which is what AQL's CONTAINS finds too.
                (path.EndsWith(AqlQueries.SystolicPathSuffix, StringComparison.Ordinal) ? systolic
                    : path.EndsWith(AqlQueries.DiastolicPathSuffix, StringComparison.Ordinal) ? diastolic
                    : time).Add(id);
            }
        }
        if (systolic.Count == 0 || time.Count == 0)
        {
            throw new LoadSetupException("the database has no blood pressure values (archetype_path has no systolic or event time path of " + AqlQueries.BloodPressure + ")");
        }
        return _paths = new BloodPressurePaths([.. systolic], [.. diastolic], [.. time]);
    }

    /// <summary>EHR ids of the tenant, in storage order, at most <paramref name="max"/>: the EHRs the per-EHR query picks from.</summary>
    public async Task<IReadOnlyList<string>> EhrIdsAsync(int max, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT ehr_id FROM ehr WHERE tenant_id = $1 LIMIT $2");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = tenant });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = max });
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetGuid(0).ToString());
        }
        return ids;
    }

    /// <summary>
    /// aql-ehr by hand: the EHR's event times of its latest versions, newest first, 10, each with the systolic and
    /// diastolic value of the same observation (the same first ancestor) and the composition's uid read from its
    /// document. Rows as <see cref="AqlAnswers.EhrRow"/> text.
    /// </summary>
    public async Task<string> LatestOfEhrAsync(string ehrId, CancellationToken cancellationToken)
    {
        var paths = await PathsAsync(cancellationToken).ConfigureAwait(false);
        await using var command = dataSource.CreateCommand($"""
            SELECT (SELECT od.document::json -> 'uid' ->> 'value' FROM object_version od
                    WHERE od.tenant_id = t.tenant_id AND od.ehr_id = t.ehr_id AND od.version_key = t.version_key),
                   t.num, s.num, d.num
            FROM leaf_value t
            JOIN latest_version lv ON lv.tenant_id = t.tenant_id AND lv.ehr_id = t.ehr_id AND lv.version_key = t.version_key AND NOT lv.deleted
            LEFT JOIN leaf_value s ON s.tenant_id = t.tenant_id AND s.ehr_id = t.ehr_id AND s.version_key = t.version_key
                AND s.path_id {BloodPressurePaths.Match(paths.Systolic, "$3")} AND substring(s.ancestors from 1 for 2) = substring(t.ancestors from 1 for 2)
            LEFT JOIN leaf_value d ON d.tenant_id = t.tenant_id AND d.ehr_id = t.ehr_id AND d.version_key = t.version_key
                AND d.path_id {BloodPressurePaths.Match(paths.Diastolic, "$4")} AND substring(d.ancestors from 1 for 2) = substring(t.ancestors from 1 for 2)
            WHERE t.tenant_id = $1 AND t.ehr_id = $2 AND t.path_id {BloodPressurePaths.Match(paths.Time, "$5")}
            ORDER BY t.num DESC
            LIMIT 10
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = tenant });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Guid.Parse(ehrId) });
        command.Parameters.Add(BloodPressurePaths.Parameter(paths.Systolic));
        command.Parameters.Add(BloodPressurePaths.Parameter(paths.Diastolic));
        command.Parameters.Add(BloodPressurePaths.Parameter(paths.Time));
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(AqlAnswers.EhrRow(
                reader.IsDBNull(0) ? null : reader.GetString(0),
                reader.IsDBNull(1) ? null : (long)reader.GetDouble(1),
                reader.IsDBNull(2) ? null : reader.GetDouble(2),
                reader.IsDBNull(3) ? null : reader.GetDouble(3)));
        }
        return string.Join('\n', rows);
    }

    /// <summary>aql-population by hand (the form of issue 6's brief): systolic values above the bound, of latest versions, with an event time of the same observation after <paramref name="sinceEpochSeconds"/>.</summary>
    public async Task<long> PopulationAsync(int above, long sinceEpochSeconds, CancellationToken cancellationToken)
    {
        var paths = await PathsAsync(cancellationToken).ConfigureAwait(false);
        await using var command = dataSource.CreateCommand($"""
            SELECT count(DISTINCT s.ehr_id) FROM leaf_value s
            WHERE s.tenant_id = $1 AND s.path_id {BloodPressurePaths.Match(paths.Systolic, "$2")} AND s.num > $3
              AND EXISTS (SELECT 1 FROM latest_version lv WHERE lv.tenant_id = s.tenant_id AND lv.ehr_id = s.ehr_id AND lv.version_key = s.version_key AND NOT lv.deleted)
              AND EXISTS (SELECT 1 FROM leaf_value t WHERE t.tenant_id = s.tenant_id AND t.ehr_id = s.ehr_id AND t.version_key = s.version_key AND t.path_id {BloodPressurePaths.Match(paths.Time, "$4")}
                          AND substring(t.ancestors from 1 for 2) = substring(s.ancestors from 1 for 2) AND t.num > $5)
            """);
        command.CommandTimeout = 600;
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = tenant });
        command.Parameters.Add(BloodPressurePaths.Parameter(paths.Systolic));
        command.Parameters.Add(new NpgsqlParameter<double> { TypedValue = above });
        command.Parameters.Add(BloodPressurePaths.Parameter(paths.Time));
        command.Parameters.Add(new NpgsqlParameter<double> { TypedValue = sinceEpochSeconds });
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>
    /// aql-top by hand: the 10 highest systolic values of latest versions, by the (tenant, path, num) index. The latest
    /// versions are matched on version_key alone (unique: an identity), by latest_version_by_version_key (migration
    /// 0008): joined on (tenant, ehr, version_key) as well, PostgreSQL 15 misjudges how many rows survive and hashes
    /// and sorts the whole population (5.8 s at 1,000,000 compositions) instead of walking the index. Rows as
    /// <see cref="AqlAnswers.TopRow"/> text.
    /// </summary>
    public async Task<string> TopSystolicAsync(CancellationToken cancellationToken)
    {
        var paths = await PathsAsync(cancellationToken).ConfigureAwait(false);
        await using var command = dataSource.CreateCommand($"""
            SELECT l.ehr_id, l.num FROM leaf_value l
            JOIN latest_version lv ON lv.tenant_id = l.tenant_id AND lv.version_key = l.version_key AND NOT lv.deleted
            WHERE l.tenant_id = $1 AND l.path_id {BloodPressurePaths.Match(paths.Systolic, "$2")} AND l.num > 0
            ORDER BY l.num DESC
            LIMIT 10
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = tenant });
        command.Parameters.Add(BloodPressurePaths.Parameter(paths.Systolic));
        var values = new List<double>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            _ = reader.GetGuid(0);
            values.Add(reader.GetDouble(1));
        }
        return AqlAnswers.TopRow(values);
    }
}
