using Fkj.Cdr.Storage.Tenancy;
using Npgsql;

namespace Fkj.Cdr.Storage.Templates;

/// <summary>
/// The template table (migration 0002): each tenant's operational templates, stored once per id and
/// never changed. Every statement runs in a <see cref="TenantTransaction"/>, so row-level security
/// holds it to the tenant's rows.
/// </summary>
public sealed class TemplateStore
{
    private const string SummaryColumns = "template_id, sha256, uid, concept, language, root_archetype_id, uploaded_at, uploaded_by";

    private const string InsertSql = $"""
        INSERT INTO template (tenant_id, template_id, opt, sha256, uid, concept, language, root_archetype_id, uploaded_by)
        VALUES (@tenant, @template_id, @opt, @sha256, @uid, @concept, @language, @root_archetype_id, @uploaded_by)
        ON CONFLICT (tenant_id, template_id) DO NOTHING
        RETURNING {SummaryColumns}
        """;

    private const string SummarySql = $"SELECT {SummaryColumns} FROM template WHERE tenant_id = @tenant AND template_id = @template_id";

    private const string FindSql = $"SELECT {SummaryColumns}, opt FROM template WHERE tenant_id = @tenant AND template_id = @template_id";

    private const string ChecksumSql = "SELECT sha256 FROM template WHERE tenant_id = @tenant AND template_id = @template_id";

    private const string ListSql = $"SELECT {SummaryColumns} FROM template WHERE tenant_id = @tenant ORDER BY template_id COLLATE \"C\"";

    private readonly NpgsqlDataSource _dataSource;

    public TemplateStore(NpgsqlDataSource dataSource) => _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));

    /// <summary>
    /// Stores the template unless the tenant has one with its id already; either way returns what is stored
    /// under the id now. Two uploads of one id at once: one inserts, the other gets the first one's row.
    /// </summary>
    public async Task<TemplateAddResult> AddAsync(string tenantId, NewTemplate template, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(template);
        await using var tx = await TenantTransaction.BeginAsync(_dataSource, tenantId, cancellationToken).ConfigureAwait(false);
        TemplateSummary? inserted;
        await using (var insert = tx.Command(InsertSql))
        {
            insert.Parameters.AddWithValue("tenant", tenantId);
            insert.Parameters.AddWithValue("template_id", template.TemplateId);
            insert.Parameters.AddWithValue("opt", template.Opt);
            insert.Parameters.AddWithValue("sha256", template.Sha256);
            insert.Parameters.AddWithValue("uid", (object?)template.Uid ?? DBNull.Value);
            insert.Parameters.AddWithValue("concept", template.Concept);
            insert.Parameters.AddWithValue("language", template.Language);
            insert.Parameters.AddWithValue("root_archetype_id", template.RootArchetypeId);
            insert.Parameters.AddWithValue("uploaded_by", template.UploadedBy);
            inserted = await ReadSummaryAsync(insert, cancellationToken).ConfigureAwait(false);
        }

        var result = inserted is not null
            ? new TemplateAddResult(true, inserted)
            : new TemplateAddResult(false, await FindSummaryAsync(tx, template.TemplateId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Template '{template.TemplateId}' conflicted on insert but cannot be read."));
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>The template with its OPT bytes, or null when the tenant has none with this id.</summary>
    public async Task<StoredTemplate?> FindAsync(string tenantId, string templateId, CancellationToken cancellationToken = default)
    {
        await using var tx = await TenantTransaction.BeginAsync(_dataSource, tenantId, cancellationToken).ConfigureAwait(false);
        await using var command = tx.Command(FindSql);
        command.Parameters.AddWithValue("tenant", tenantId);
        command.Parameters.AddWithValue("template_id", templateId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }
        return new StoredTemplate(ReadSummary(reader), reader.GetFieldValue<byte[]>(8));
    }

    /// <summary>The checksum of the tenant's template with this id, or null when there is none; reads no OPT bytes.</summary>
    public async Task<string?> FindChecksumAsync(string tenantId, string templateId, CancellationToken cancellationToken = default)
    {
        await using var tx = await TenantTransaction.BeginAsync(_dataSource, tenantId, cancellationToken).ConfigureAwait(false);
        await using var command = tx.Command(ChecksumSql);
        command.Parameters.AddWithValue("tenant", tenantId);
        command.Parameters.AddWithValue("template_id", templateId);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    /// <summary>The tenant's templates, by template id in code point order (the same on every database collation).</summary>
    public async Task<IReadOnlyList<TemplateSummary>> ListAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        await using var tx = await TenantTransaction.BeginAsync(_dataSource, tenantId, cancellationToken).ConfigureAwait(false);
        await using var command = tx.Command(ListSql);
        command.Parameters.AddWithValue("tenant", tenantId);
        var list = new List<TemplateSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(ReadSummary(reader));
        }
        return list;
    }

    private static async Task<TemplateSummary?> FindSummaryAsync(TenantTransaction tx, string templateId, CancellationToken cancellationToken)
    {
        await using var command = tx.Command(SummarySql);
        command.Parameters.AddWithValue("tenant", tx.TenantId);
        command.Parameters.AddWithValue("template_id", templateId);
        return await ReadSummaryAsync(command, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<TemplateSummary?> ReadSummaryAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadSummary(reader) : null;
    }

    /// <summary>Reads the <see cref="SummaryColumns"/>, in their order, from the current row.</summary>
    private static TemplateSummary ReadSummary(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.IsDBNull(2) ? null : reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        reader.GetString(5),
        reader.GetFieldValue<DateTimeOffset>(6),
        reader.GetString(7));
}
