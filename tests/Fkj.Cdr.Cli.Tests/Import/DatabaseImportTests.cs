using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Fkj.Cdr.Cli.Generate;
using Fkj.Cdr.Cli.Import;
using Fkj.Cdr.Testing;

namespace Fkj.Cdr.Cli.Tests.Import;

/// <summary>
/// <c>fkj import DIR --data-dir DB</c> into a fresh embedded PostgreSQL, then the server started on DB: every valid
/// composition is there as the file says, indexed and audited; the invalid one is reported with its file and path and
/// not stored; a re-run stores nothing; a run after a partial one stores only the rest.
/// </summary>
public sealed class DatabaseImportTests
{
    private const string Bp = "openEHR-EHR-OBSERVATION.blood_pressure.v2";
    private const string Systolic = "o/data[at0001]/events[at0006]/data[at0003]/items[at0004]/value/magnitude";

    internal static Task<(int ExitCode, ImportSummary Summary)> ImportAsync(string source, params string[] target)
    {
        var options = ImportOptions.Parse([source, .. target, "--quiet"]);
        return ImportCommand.RunAsync(options, TextWriter.Null, interactive: false, CancellationToken.None);
    }

    [Fact]
    public async Task EveryValidCompositionIsStoredIndexedAndAuditedAndTheInvalidOneReported()
    {
        using var source = new ImportSource();
        using var db = new TempDirectory("fkj-import-db");

        var (exit, first) = await ImportAsync(source.Path, "--data-dir", db.Path);
        Assert.Equal(1, exit);
        Assert.Equal((19L, 0L, 1L, 5L), (first.Stored, first.Skipped, first.Refused, first.EhrsCreated));
        var problem = Assert.Single(first.Problems);
        Assert.Equal(ImportSource.Broken, problem.File);
        Assert.Equal((422, "invalid_composition"), (problem.Status, problem.Code));
        Assert.Contains(problem.Issues, i => i.Path is { } p && p.Contains("openEHR-EHR-OBSERVATION.", StringComparison.Ordinal) && p.EndsWith("/units", StringComparison.Ordinal));
        Assert.Contains("/h", problem.ToString(), StringComparison.Ordinal);
        Assert.Equal(20, first.Database!.CompositionsInTenant + 1);

        var (again, second) = await ImportAsync(source.Path, "--data-dir", db.Path);
        Assert.Equal(1, again);
        Assert.Equal((0L, 19L, 1L, 0L), (second.Stored, second.Skipped, second.Refused, second.EhrsCreated));

        await using var server = await ImportedServer.StartAsync(db.Path);
        foreach (var n in Enumerable.Range(1, ImportSource.Ehrs))
        {
            var (id, ns) = source.Subject(n);
            var ehrId = await server.EhrOfAsync(id, ns) ?? throw new Xunit.Sdk.XunitException($"EHR {n} is missing");
            var expected = new List<(string Uid, double Systolic)>();
            for (var k = 1; k <= ImportSource.PerEhr; k++)
            {
                var file = PopulationSource.CompositionFile(n, k);
                var objectId = ImportIds.Composition(ehrId, file);
                using var response = await server.Client.GetAsync($"/openehr/v1/ehr/{ehrId}/composition/{objectId}");
                if (file == ImportSource.Broken)
                {
                    Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                    continue;
                }
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal($"\"{objectId}::fkj.cdr::1\"", response.Headers.ETag?.Tag);
                var differences = JsonTreeComparer.Differences(
                    ImportSource.WithoutUid(File.ReadAllText(source.File(file))), ImportSource.WithoutUid(await response.Content.ReadAsStringAsync()));
                Assert.True(differences.Count == 0, $"{file}: {string.Join("; ", differences.Take(5))}");
                if (source.Systolic(file) is { } systolic) expected.Add(($"{objectId}::fkj.cdr::1", systolic));
            }

            // The query index answers AQL over the imported values.
            var rows = await server.AqlAsync($"SELECT c/uid/value, {Systolic} FROM EHR e[ehr_id/value = $ehr] CONTAINS COMPOSITION c CONTAINS OBSERVATION o[{Bp}]",
                new { ehr = ehrId.ToString() });
            Assert.Equal(expected.OrderBy(e => e.Uid), rows.Select(r => (r[0].GetString()!, r[1].GetDouble())).OrderBy(r => r.Item1));
        }

        // One audit record per EHR and per composition, each naming its object and file.
        Assert.Equal(5L, await server.ScalarAsync<long>("SELECT count(DISTINCT object_id) FROM audit_event WHERE action = 'ehr.import' AND status = 201 AND outcome = 'success'"));
        Assert.Equal(19L, await server.ScalarAsync<long>(
            "SELECT count(*) FROM audit_event a JOIN versioned_object o ON o.tenant_id = a.tenant_id AND o.ehr_id = a.ehr_id AND o.object_id = a.object_id "
            + "WHERE a.action = 'composition.import' AND o.rm_type = 'COMPOSITION' AND a.version = 1 AND a.actor = 'fkj import' AND a.details LIKE 'compositions/%'"));
        Assert.Equal(19L, await server.ScalarAsync<long>("SELECT count(*) FROM audit_event WHERE action = 'composition.import'"));
        // Every composition version has its leaf rows and its contribution; nothing twice.
        Assert.Equal(0L, await server.ScalarAsync<long>(
            "SELECT count(*) FROM object_version v JOIN versioned_object o USING (tenant_id, ehr_id, object_id) WHERE o.rm_type = 'COMPOSITION' "
            + "AND NOT EXISTS (SELECT 1 FROM leaf_value l WHERE l.tenant_id = v.tenant_id AND l.ehr_id = v.ehr_id AND l.version_key = v.version_key)"));
        Assert.Equal(24L, await server.ScalarAsync<long>("SELECT count(*) FROM contribution"));
        Assert.Equal(24L, await server.ScalarAsync<long>("SELECT count(*) FROM latest_version"));
    }

    [Fact]
    public async Task TheLeafRowsAreThoseOfTheSameCompositionCommittedThroughTheRestApi()
    {
        using var source = new ImportSource(ehrs: 1, perEhr: 1, breakOne: false);
        using var db = new TempDirectory("fkj-import-db");
        Assert.Equal(0, (await ImportAsync(source.Path, "--data-dir", db.Path)).ExitCode);

        await using var server = await ImportedServer.StartAsync(db.Path);
        using var ehr = await server.Client.PostAsync("/openehr/v1/ehr", null);
        Assert.Equal(HttpStatusCode.Created, ehr.StatusCode);
        var restEhr = Guid.Parse(ehr.Headers.ETag!.Tag.Trim('"'));
        var body = new ByteArrayContent(File.ReadAllBytes(source.File(PopulationSource.CompositionFile(1, 1))));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var posted = await server.Client.PostAsync($"/openehr/v1/ehr/{restEhr}/composition", body);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);

        const string rows = """
            SELECT string_agg(format('%s|%s|%s|%s|%s', a.path, l.num, l.text, l.term, encode(l.ancestors, 'hex')), E'\n' ORDER BY a.path, l.num, l.text, l.ancestors)
            FROM leaf_value l JOIN archetype_path a USING (path_id)
            JOIN object_version v ON v.tenant_id = l.tenant_id AND v.ehr_id = l.ehr_id AND v.version_key = l.version_key
            JOIN versioned_object o ON o.tenant_id = v.tenant_id AND o.ehr_id = v.ehr_id AND o.object_id = v.object_id
            WHERE o.rm_type = 'COMPOSITION' AND (l.ehr_id = @rest) = @of_rest
            """;
        var viaRest = await server.ScalarAsync<string>(rows, ("rest", restEhr), ("of_rest", true));
        var viaImport = await server.ScalarAsync<string>(rows, ("rest", restEhr), ("of_rest", false));
        Assert.True(viaRest.Split('\n').Length > 20, viaRest);
        Assert.Equal(viaRest, viaImport);
    }

    [Fact]
    public async Task AnImportAfterAPartialOneStoresOnlyTheRest()
    {
        // A smaller population of the same seed is a prefix of the larger one: the state an interrupted import leaves.
        using var part = new ImportSource(ehrs: 3, perEhr: 4, breakOne: false);
        using var whole = new ImportSource(ehrs: 5, perEhr: 4, breakOne: false);
        using var db = new TempDirectory("fkj-import-db");

        var (exit, first) = await ImportAsync(part.Path, "--data-dir", db.Path, "--batch", "5");
        Assert.Equal(0, exit);
        Assert.Equal((12L, 3L), (first.Stored, first.EhrsCreated));
        var (exit2, rest) = await ImportAsync(whole.Path, "--data-dir", db.Path, "--batch", "5");
        Assert.Equal(0, exit2);
        Assert.Equal((8L, 12L, 0L, 2L), (rest.Stored, rest.Skipped, rest.Refused, rest.EhrsCreated));

        await using var server = await ImportedServer.StartAsync(db.Path);
        Assert.Equal(5L, await server.ScalarAsync<long>("SELECT count(*) FROM ehr"));
        Assert.Equal(20L, await server.ScalarAsync<long>("SELECT count(*) FROM versioned_object WHERE rm_type = 'COMPOSITION'"));
        Assert.Equal(20L, await server.ScalarAsync<long>("SELECT count(DISTINCT object_id) FROM audit_event WHERE action = 'composition.import'"));
        Assert.Equal(20L, await server.ScalarAsync<long>("SELECT count(*) FROM audit_event WHERE action = 'composition.import'"));
    }

    [Fact]
    public async Task FlatCompositionsAreReadAlongTheWebTemplate()
    {
        using var flat = new ImportSource(ehrs: 2, perEhr: 3, breakOne: false, format: CompositionFormat.Flat);
        using var canonical = new ImportSource(ehrs: 2, perEhr: 3, breakOne: false);
        using var db = new TempDirectory("fkj-import-db");

        var (exit, summary) = await ImportAsync(flat.Path, "--data-dir", db.Path);
        Assert.Equal(0, exit);
        Assert.Equal((6L, 0L), (summary.Stored, summary.Refused));

        await using var server = await ImportedServer.StartAsync(db.Path);
        var expected = canonical.ValidCompositions().Select(c => canonical.Systolic(c.File)).OfType<double>().Order().ToList();
        var rows = await server.AqlAsync($"SELECT {Systolic} FROM EHR e CONTAINS COMPOSITION c CONTAINS OBSERVATION o[{Bp}]");
        Assert.Equal(expected, rows.Select(r => r[0].GetDouble()).Order());
    }
}
