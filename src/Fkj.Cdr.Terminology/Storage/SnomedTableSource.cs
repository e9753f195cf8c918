using Fkj.Cdr.Terminology.Rf2;
using Npgsql;
using NpgsqlTypes;

namespace Fkj.Cdr.Terminology.Storage;

/// <summary>
/// The terminology tables read as RF2 Snapshot rows (one row per component, the latest imported), each table streamed
/// by binary COPY on a connection of its own, for <see cref="Index.SnomedIndexBuilder.Build"/>. Reference set members
/// name their fields by the columns of the file their refset last came from (<see cref="Rf2File.Stored"/>).
/// </summary>
internal sealed class SnomedTableSource(NpgsqlDataSource dataSource) : IRf2Source
{
    public IEnumerable<Rf2Concept> Concepts() => Export(SnomedSql.ReadConcepts, e => new Rf2Concept(
        e.Read<long>(NpgsqlDbType.Bigint), e.Read<int>(NpgsqlDbType.Integer), e.Read<bool>(NpgsqlDbType.Boolean),
        e.Read<long>(NpgsqlDbType.Bigint), e.Read<long>(NpgsqlDbType.Bigint)));

    public IEnumerable<Rf2Description> Descriptions() => ReadDescriptions(textDefinitions: false);

    public IEnumerable<Rf2Description> TextDefinitions() => ReadDescriptions(textDefinitions: true);

    public IEnumerable<Rf2Relationship> Relationships() => Export(SnomedSql.ReadRelationships, e => new Rf2Relationship(
        e.Read<long>(NpgsqlDbType.Bigint), e.Read<int>(NpgsqlDbType.Integer), e.Read<bool>(NpgsqlDbType.Boolean),
        e.Read<long>(NpgsqlDbType.Bigint), e.Read<long>(NpgsqlDbType.Bigint), e.Read<long>(NpgsqlDbType.Bigint),
        e.Read<int>(NpgsqlDbType.Integer), e.Read<long>(NpgsqlDbType.Bigint), e.Read<long>(NpgsqlDbType.Bigint),
        e.Read<long>(NpgsqlDbType.Bigint)));

    public IEnumerable<Rf2ConcreteValue> ConcreteValues() => Export(SnomedSql.ReadConcreteValues, e => new Rf2ConcreteValue(
        e.Read<long>(NpgsqlDbType.Bigint), e.Read<int>(NpgsqlDbType.Integer), e.Read<bool>(NpgsqlDbType.Boolean),
        e.Read<long>(NpgsqlDbType.Bigint), e.Read<long>(NpgsqlDbType.Bigint), e.Read<string>(NpgsqlDbType.Text),
        e.Read<int>(NpgsqlDbType.Integer), e.Read<long>(NpgsqlDbType.Bigint), e.Read<long>(NpgsqlDbType.Bigint)));

    public IEnumerable<Rf2RefsetMember> RefsetMembers(Rf2FileKind kind)
    {
        var kindName = SnomedStore.KindName(kind);
        var files = new Dictionary<long, Rf2File>();
        using (var command = dataSource.CreateCommand(SnomedSql.ReadRefsets))
        {
            command.Parameters.AddWithValue("kind", kindName);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                files[reader.GetInt64(0)] = Rf2File.Stored(reader.GetString(1), reader.GetFieldValue<string[]>(2));
            }
        }

        if (files.Count == 0)
        {
            return [];
        }

        return Export(string.Format(System.Globalization.CultureInfo.InvariantCulture, SnomedSql.ReadRefsetMembers, kindName), e =>
        {
            var id = e.Read<Guid>(NpgsqlDbType.Uuid).ToString("D");
            var time = e.Read<int>(NpgsqlDbType.Integer);
            var active = e.Read<bool>(NpgsqlDbType.Boolean);
            var module = e.Read<long>(NpgsqlDbType.Bigint);
            var refset = e.Read<long>(NpgsqlDbType.Bigint);
            var component = e.Read<long>(NpgsqlDbType.Bigint);
            var fields = e.Read<string[]>(NpgsqlDbType.Array | NpgsqlDbType.Text);
            return new Rf2RefsetMember(id, time, active, module, refset, component, fields, files[refset]);
        });
    }

    private IEnumerable<Rf2Description> ReadDescriptions(bool textDefinitions) =>
        Export(string.Format(System.Globalization.CultureInfo.InvariantCulture, SnomedSql.ReadDescriptions, textDefinitions ? "true" : "false"),
            e => new Rf2Description(
                e.Read<long>(NpgsqlDbType.Bigint), e.Read<int>(NpgsqlDbType.Integer), e.Read<bool>(NpgsqlDbType.Boolean),
                e.Read<long>(NpgsqlDbType.Bigint), e.Read<long>(NpgsqlDbType.Bigint), e.Read<string>(NpgsqlDbType.Text),
                e.Read<long>(NpgsqlDbType.Bigint), e.Read<string>(NpgsqlDbType.Text), e.Read<long>(NpgsqlDbType.Bigint)));

    private IEnumerable<T> Export<T>(string copy, Func<NpgsqlBinaryExporter, T> read)
    {
        using var connection = dataSource.OpenConnection();
        using var export = connection.BeginBinaryExport(copy);
        while (export.StartRow() != -1)
        {
            yield return read(export);
        }
    }
}
