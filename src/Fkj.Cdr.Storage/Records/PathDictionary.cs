using Npgsql;

namespace Fkj.Cdr.Storage.Records;

/// <summary>A row of the archetype path dictionary: its id, the path and the RM type at each step.</summary>
public sealed record ArchetypePathRow(int PathId, string Path, string[] RmTypes);

/// <summary>
/// Reads the archetype path dictionary (table archetype_path, migration 0003) for AQL's planning: rows are only
/// ever added and ids only grow, so a reader keeps what it has and asks only for the rows after the last id it saw.
/// The dictionary is global (not tenant data), so it is read outside any tenant transaction.
/// </summary>
public sealed class PathDictionary
{
    private const string ListSql = "SELECT path_id, path, rm_types FROM archetype_path WHERE path_id > @after ORDER BY path_id";

    private readonly NpgsqlDataSource _dataSource;

    public PathDictionary(NpgsqlDataSource dataSource) => _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));

    /// <summary>The rows whose id is above <paramref name="afterId"/>, by id.</summary>
    public async Task<IReadOnlyList<ArchetypePathRow>> ListAfterAsync(int afterId, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(ListSql);
        command.Parameters.AddWithValue("after", afterId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<ArchetypePathRow>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new ArchetypePathRow(reader.GetInt32(0), reader.GetString(1), reader.GetFieldValue<string[]>(2)));
        }
        return rows;
    }
}
