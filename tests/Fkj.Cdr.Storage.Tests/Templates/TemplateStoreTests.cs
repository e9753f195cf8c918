using System.Text;
using Fkj.Cdr.Storage.Migrations;
using Fkj.Cdr.Storage.Templates;
using Fkj.Cdr.Storage.Tenancy;
using Fkj.Cdr.Storage.Tests.Support;
using Npgsql;

namespace Fkj.Cdr.Storage.Tests.Templates;

[Collection(SharedClusterCollection.Name)]
public sealed class TemplateStoreTests
{
    private readonly SharedCluster _cluster;

    public TemplateStoreTests(SharedCluster cluster) => _cluster = cluster;

    private static NewTemplate Template(string id, string body, string by = "tester")
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        return new NewTemplate(id, bytes, TemplateChecksum.Compute(bytes), null, "Concept " + id, "en", "openEHR-EHR-COMPOSITION.x.v1", by);
    }

    private async Task<(string ConnectionString, NpgsqlDataSource DataSource)> DatabaseWithTenantsAsync(params string[] tenants)
    {
        var cs = await _cluster.CreateDatabaseAsync();
        var dataSource = NpgsqlDataSource.Create(cs);
        await new MigrationRunner(dataSource).RunAsync();
        foreach (var tenant in tenants)
        {
            await Sql.ExecuteAsync(cs, $"INSERT INTO tenant (id, name) VALUES ('{tenant}', 'Tenant {tenant}')");
        }
        return (cs, dataSource);
    }

    [Fact]
    public async Task ATemplateIsStoredOncePerIdAndReadBackByteForByte()
    {
        var (_, dataSource) = await DatabaseWithTenantsAsync();
        await using var _ = dataSource;
        var store = new TemplateStore(dataSource);
        var first = Template("t.v1", "<template>one</template>");

        var added = await store.AddAsync("default", first);
        var again = await store.AddAsync("default", Template("t.v1", "<template>two</template>", by: "someone else"));

        Assert.True(added.Added);
        Assert.Equal(first.Sha256, added.Stored.Sha256);
        Assert.Equal("tester", added.Stored.UploadedBy);
        Assert.False(again.Added);
        Assert.Equal(added.Stored, again.Stored);
        var found = await store.FindAsync("default", "t.v1");
        Assert.Equal(first.Opt, found!.Opt);
        Assert.Equal(first.Sha256, await store.FindChecksumAsync("default", "t.v1"));
        Assert.Null(await store.FindAsync("default", "other"));
        Assert.Null(await store.FindChecksumAsync("default", "other"));
        Assert.Equal(["t.v1"], (await store.ListAsync("default")).Select(t => t.TemplateId));
    }

    [Fact]
    public async Task TenantsSeeOnlyTheirOwnTemplates()
    {
        var (_, dataSource) = await DatabaseWithTenantsAsync("a", "b");
        await using var _ = dataSource;
        var store = new TemplateStore(dataSource);
        await store.AddAsync("a", Template("shared.v1", "<template>a</template>"));
        await store.AddAsync("a", Template("only-a.v1", "<template>a2</template>"));
        var b = await store.AddAsync("b", Template("shared.v1", "<template>b</template>"));

        Assert.True(b.Added);
        Assert.Equal(["only-a.v1", "shared.v1"], (await store.ListAsync("a")).Select(t => t.TemplateId));
        Assert.Equal(["shared.v1"], (await store.ListAsync("b")).Select(t => t.TemplateId));
        Assert.Null(await store.FindAsync("b", "only-a.v1"));
        Assert.Equal(Encoding.UTF8.GetBytes("<template>b</template>"), (await store.FindAsync("b", "shared.v1"))!.Opt);
    }

    [Fact]
    public async Task RowLevelSecurityHoldsAQueryThatForgetsTheTenantToTheTenantsRows()
    {
        var (cs, dataSource) = await DatabaseWithTenantsAsync("a", "b");
        await using var _ = dataSource;
        var store = new TemplateStore(dataSource);
        await store.AddAsync("a", Template("a1", "<template>a1</template>"));
        await store.AddAsync("a", Template("a2", "<template>a2</template>"));
        await store.AddAsync("b", Template("b1", "<template>b1</template>"));

        await using (var tx = await TenantTransaction.BeginAsync(dataSource, "a"))
        {
            await using var everything = tx.Command("SELECT count(*) FROM template");
            Assert.Equal(2L, await everything.ExecuteScalarAsync());
            await using var role = tx.Command("SELECT current_user");
            Assert.Equal(TenantTransaction.ApplicationRole, await role.ExecuteScalarAsync());
        }

        await using (var tx = await TenantTransaction.BeginAsync(dataSource, "a"))
        {
            await using var intoB = tx.Command(
                "INSERT INTO template (tenant_id, template_id, opt, sha256, concept, language, root_archetype_id, uploaded_by) " +
                "VALUES ('b', 'sneaked', '\\x00', repeat('0', 64), 'c', 'en', 'x', 'y')");
            var error = await Assert.ThrowsAsync<PostgresException>(() => intoB.ExecuteNonQueryAsync());
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        }

        // The settings end with the transaction: the pooled connection is the superuser again, without a tenant.
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await using var settings = new NpgsqlCommand("SELECT current_user, coalesce(current_setting('fkj.tenant', true), '')", connection);
            await using var reader = await settings.ExecuteReaderAsync();
            await reader.ReadAsync();
            Assert.NotEqual(TenantTransaction.ApplicationRole, reader.GetString(0));
            Assert.Equal("", reader.GetString(1));
        }

        // The superuser (migrations, operators) sees every tenant's rows.
        Assert.Equal(3L, await Sql.ScalarAsync<long>(cs, "SELECT count(*) FROM template"));
    }

    [Fact]
    public async Task TheApplicationRoleMayNotChangeAStoredTemplate()
    {
        var (_, dataSource) = await DatabaseWithTenantsAsync();
        await using var _ = dataSource;
        await new TemplateStore(dataSource).AddAsync("default", Template("t", "<template/>"));

        await using var tx = await TenantTransaction.BeginAsync(dataSource, "default");
        await using var update = tx.Command("UPDATE template SET concept = 'changed'");
        var error = await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }
}
