using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace Fkj.Cdr.Cli.Import;

/// <summary>The baseline's figures: documents copied, time, and the table's size per document.</summary>
public sealed record BaselineResult(long Documents, double Seconds, double BytesPerDocument)
{
    public double Rate => Documents / Math.Max(Seconds, 1e-9);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"baseline: COPY of {Documents:N0} documents into a plain jsonb table in {Seconds:0.0} s ({Rate:N0} documents/s), {BytesPerDocument:N0} bytes per document");
}

/// <summary>
/// The baseline of <c>import --baseline</c>: the same composition files, read the same way, written by one binary COPY
/// into a plain table <c>(id bigint, doc jsonb)</c> of the same database, with no validation, index, audit or
/// transaction per document: the rate at which this PostgreSQL takes the bare documents. The table is dropped after.
/// </summary>
public static class BaselineCopy
{
    public const string Table = "fkj_import_baseline";

    public static async Task<BaselineResult> RunAsync(NpgsqlDataSource dataSource, PopulationSource source, CancellationToken cancellationToken)
    {
        await Execute(dataSource, $"DROP TABLE IF EXISTS {Table}; CREATE TABLE {Table} (id bigint NOT NULL, doc jsonb NOT NULL)", cancellationToken);
        try
        {
            var clock = Stopwatch.StartNew();
            long id = 0;
            await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
            {
                await using var copy = await connection.BeginBinaryImportAsync($"COPY {Table} (id, doc) FROM STDIN (FORMAT BINARY)", cancellationToken);
                for (var n = 1; n <= source.Ehrs; n++)
                {
                    for (var k = 1; k <= source.CompositionsPerEhr; k++)
                    {
                        var body = await File.ReadAllBytesAsync(source.FullPath(PopulationSource.CompositionFile(n, k)), cancellationToken);
                        await copy.StartRowAsync(cancellationToken);
                        await copy.WriteAsync(++id, NpgsqlDbType.Bigint, cancellationToken);
                        await copy.WriteAsync(Encoding.UTF8.GetString(body), NpgsqlDbType.Jsonb, cancellationToken);
                    }
                }
                await copy.CompleteAsync(cancellationToken);
            }
            var seconds = clock.Elapsed.TotalSeconds;
            await using var size = dataSource.CreateCommand($"SELECT pg_total_relation_size('{Table}'::regclass)");
            var bytes = (long)(await size.ExecuteScalarAsync(cancellationToken))!;
            return new BaselineResult(id, seconds, id == 0 ? 0 : (double)bytes / id);
        }
        finally
        {
            await Execute(dataSource, $"DROP TABLE IF EXISTS {Table}", CancellationToken.None);
        }
    }

    private static async Task Execute(NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
