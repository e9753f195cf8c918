using System.Net;
using Fkj.Cdr.Cli.Import;
using Fkj.Cdr.Server.Errors;
using Fkj.Cdr.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Fkj.Cdr.Cli.Tests.Import;

/// <summary><c>fkj import DIR --url URL</c> against the real server: stored as the files say, refusals reported, re-runs store nothing, 503 waited out.</summary>
public sealed class ServerImportTests
{
    [Fact]
    public async Task EveryValidCompositionIsStoredAndTheInvalidOneReported()
    {
        using var source = new ImportSource();
        using var db = new TempDirectory("fkj-import-db");
        await using var server = await ImportedServer.StartAsync(db.Path);
        var url = server.BaseAddress.ToString();

        // Four to a contribution: EHR 2's holds the invalid one, which the server names by its index; the other three are sent again.
        var (exit, first) = await DatabaseImportTests.ImportAsync(source.Path, "--url", url, "--batch", "4");
        Assert.Equal(1, exit);
        Assert.Equal((19L, 0L, 1L, 5L), (first.Stored, first.Skipped, first.Refused, first.EhrsCreated));
        var problem = Assert.Single(first.Problems);
        Assert.Equal((ImportSource.Broken, 422), (problem.File, problem.Status));
        Assert.Contains(problem.Issues, i => i.Path is { } p && p.StartsWith("/content[openEHR-EHR-OBSERVATION.", StringComparison.Ordinal) && p.EndsWith("/units", StringComparison.Ordinal));

        // Again, three to a contribution: other contributions, whose compositions are found stored.
        var (again, second) = await DatabaseImportTests.ImportAsync(source.Path, "--url", url, "--batch", "3");
        Assert.Equal(1, again);
        Assert.Equal((0L, 19L, 1L, 0L), (second.Stored, second.Skipped, second.Refused, second.EhrsCreated));

        foreach (var (n, file) in source.ValidCompositions())
        {
            var (id, ns) = source.Subject(n);
            var ehrId = await server.EhrOfAsync(id, ns);
            using var response = await server.Client.GetAsync($"/openehr/v1/ehr/{ehrId}/composition/{ImportIds.Composition(ehrId!.Value, file)}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var differences = JsonTreeComparer.Differences(
                ImportSource.WithoutUid(File.ReadAllText(source.File(file))), ImportSource.WithoutUid(await response.Content.ReadAsStringAsync()));
            Assert.True(differences.Count == 0, $"{file}: {string.Join("; ", differences.Take(5))}");
        }
        Assert.Equal(19L, await server.ScalarAsync<long>("SELECT count(*) FROM versioned_object WHERE rm_type = 'COMPOSITION'"));
        // Each contribution that stored compositions has its audit record, which names it.
        Assert.Equal(0L, await server.ScalarAsync<long>(
            "SELECT count(*) FROM object_version v WHERE v.version = 1 AND NOT EXISTS (SELECT 1 FROM audit_event a WHERE a.ehr_id = v.ehr_id "
            + "AND a.action IN ('contribution.create', 'ehr.create') AND a.status = 201 AND (a.object_id = v.object_id OR a.details LIKE '%' || v.contribution_id::text || '%'))"));
    }

    [Fact]
    public async Task AServerAtCapacityIsWaitedOutAsItsRetryAfterSays()
    {
        using var source = new ImportSource(ehrs: 3, perEhr: 2, breakOne: false);
        using var db = new TempDirectory("fkj-import-db");
        var refused = 0;
        await using var server = await ImportedServer.StartAsync(db.Path, app => app.Use(async (context, next) =>
        {
            // The first three commits of compositions are shed as the server's admission control sheds them.
            if (context.Request.Path.Value!.EndsWith("/contribution", StringComparison.Ordinal) && Interlocked.Increment(ref refused) <= 3)
            {
                throw new ApiException(StatusCodes.Status503ServiceUnavailable, "overloaded", "At capacity (test).").WithHeader("Retry-After", "0");
            }
            await next(context);
        }));

        var (exit, summary) = await DatabaseImportTests.ImportAsync(source.Path, "--url", server.BaseAddress.ToString(), "--writers", "3");
        Assert.True(refused > 3, $"the middleware saw {refused} commits");
        Assert.Equal(0, exit);
        Assert.Equal((6L, 0L), (summary.Stored, summary.Refused));
        Assert.Equal(3L, summary.Server!.Overloaded);
        Assert.Equal(6L, await server.ScalarAsync<long>("SELECT count(*) FROM versioned_object WHERE rm_type = 'COMPOSITION'"));
    }
}
