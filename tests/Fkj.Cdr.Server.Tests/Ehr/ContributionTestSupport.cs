using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fkj.Cdr.Server.Tests.Ehr;

/// <summary>
/// Shared steps of the CONTRIBUTION and directory tests: a tenant with the OPTs the EHRbase contribution fixtures
/// need, posting contributions, setting up the objects a fixture's versions follow, and counting an EHR's rows.
/// </summary>
public static class ContributionTestSupport
{
    /// <summary>The contribution fixtures, below the shared fixtures.</summary>
    public static readonly string[] Folder = ["openehr", "ehrbase-integration-tests", "contributions"];

    /// <summary>The OPTs the contribution fixtures are written against (template ids all different, so one tenant holds them all).</summary>
    public static readonly string[][] Templates =
    [
        ["minimal", "minimal_admin.opt"],
        ["minimal", "minimal_evaluation.opt"],
        ["minimal", "minimal_instruction.opt"],
        ["minimal", "minimal_observation.opt"],
        ["minimal_persistent", "persistent_minimal.opt"],
        ["all_types", "terminology_test.ehrbase.org.v1.opt"],
        ["all_types", "vg_DiagnosticReportLab.v1.1.1.opt"],
        ["all_types", "vg_ObservationLab.v.1.1.0.opt"],
        ["all_types", "vg_ServiceRequestLab.v1.1.0.opt"],
    ];

    /// <summary>The tables that hold an EHR's versions (by ehr_id), counted to prove a refused request wrote nothing.</summary>
    public static readonly string[] VersionTables = ["ehr", "ehr_subject", "contribution", "versioned_object", "object_version", "latest_version", "leaf_value", "audit_event"];

    public const string Placeholder = "__THIS_SHOULD_BE_MODIFIED_BY_THE_TEST_";

    private static readonly ConcurrentDictionary<EhrServerFixture, Lazy<Task<string>>> TemplateTenants = new();

    /// <summary>The tenant (one per server) with every OPT of <see cref="Templates"/>.</summary>
    public static Task<string> TenantAsync(EhrServerFixture fixture) =>
        TemplateTenants.GetOrAdd(fixture, f => new Lazy<Task<string>>(async () =>
        {
            var tenant = await f.NewTenantAsync("ctb");
            foreach (var opt in Templates)
            {
                await f.UploadTemplateAsync(tenant, await File.ReadAllBytesAsync(Fixtures.Path(["openehr", "ehrbase-integration-tests", "valid_templates", .. opt])));
            }
            return tenant;
        })).Value;

    public static JsonObject Load(params string[] relative) =>
        JsonNode.Parse(File.ReadAllBytes(Fixtures.Path([.. Folder, .. relative])))!.AsObject();

    public static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    /// <summary>POSTs a contribution (canonical JSON) with <c>Prefer: return=representation</c>, unless told otherwise.</summary>
    public static Task<HttpResponseMessage> PostAsync(EhrServerFixture fixture, string tenant, string ehrId, JsonNode contribution, string prefer = "representation") =>
        fixture.SendAsync(HttpMethod.Post, $"/ehr/{ehrId}/contribution", tenant, Bytes(contribution), "application/json", ("Prefer", $"return={prefer}"));

    /// <summary>The code_string of a version's (or the contribution's) audit change type.</summary>
    public static string ChangeTypeOf(JsonNode audit) => audit["change_type"]!["defining_code"]!["code_string"]!.GetValue<string>();

    public static JsonArray Versions(JsonObject contribution) => contribution["versions"]!.AsArray();

    public static void SetPreceding(JsonNode version, string uid) =>
        version["preceding_version_uid"] = new JsonObject { ["_type"] = "OBJECT_VERSION_ID", ["value"] = uid };

    /// <summary>Commits a composition through POST /composition (as a client would have before) and returns its version uid.</summary>
    public static async Task<string> CommitCompositionAsync(EhrServerFixture fixture, string tenant, string ehrId, JsonNode composition)
    {
        var copy = composition.DeepClone().AsObject();
        copy.Remove("uid");
        return await fixture.CommitAsync(tenant, ehrId, Bytes(copy));
    }

    /// <summary>The version uid of the EHR's EHR_STATUS now.</summary>
    public static async Task<string> StatusUidAsync(EhrServerFixture fixture, string tenant, string ehrId)
    {
        using var response = await fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehrId}/ehr_status", tenant);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return EhrServerFixture.VersionUidOf(response);
    }

    /// <summary>An empty directory FOLDER named <paramref name="name"/>.</summary>
    public static JsonObject EmptyFolder(string name = "root") => new()
    {
        ["_type"] = "FOLDER",
        ["name"] = new JsonObject { ["_type"] = "DV_TEXT", ["value"] = name },
        ["archetype_node_id"] = "openEHR-EHR-FOLDER.generic.v1",
    };

    /// <summary>Creates the EHR's directory through POST /directory and returns its version uid.</summary>
    public static async Task<string> CreateDirectoryAsync(EhrServerFixture fixture, string tenant, string ehrId, JsonNode? folder = null)
    {
        using var response = await fixture.SendAsync(HttpMethod.Post, $"/ehr/{ehrId}/directory", tenant, Bytes(folder ?? EmptyFolder()), "application/json");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"directory: {(int)response.StatusCode} {text}");
        return EhrServerFixture.VersionUidOf(response);
    }

    /// <summary>Rows of the EHR in each table of <see cref="VersionTables"/>, read past row-level security.</summary>
    public static async Task<Dictionary<string, long>> CountAsync(EhrServerFixture fixture, string tenant, string ehrId)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in VersionTables)
        {
            var rows = await fixture.QueryAsync($"SELECT count(*) FROM {table} WHERE tenant_id = @t AND ehr_id = @e", ("t", tenant), ("e", Guid.Parse(ehrId)));
            counts[table] = long.Parse(rows.Single()!, System.Globalization.CultureInfo.InvariantCulture);
        }
        return counts;
    }

    /// <summary>Asserts that only the refusals' audit records were written for the EHR between two counts.</summary>
    public static void AssertNothingWritten(Dictionary<string, long> before, Dictionary<string, long> after, string what, int refusals = 1)
    {
        foreach (var table in VersionTables.Where(t => t != "audit_event"))
        {
            Assert.True(before[table] == after[table], $"{what}: {table} {before[table]} → {after[table]}");
        }
        Assert.Equal(before["audit_event"] + refusals, after["audit_event"]);
    }

    /// <summary>Leaf rows of one version, read past row-level security.</summary>
    public static async Task<long> LeafRowsAsync(EhrServerFixture fixture, string tenant, string ehrId, string versionUid)
    {
        var parts = versionUid.Split("::");
        var rows = await fixture.QueryAsync("""
            SELECT count(*) FROM leaf_value l
            JOIN object_version v ON v.tenant_id = l.tenant_id AND v.ehr_id = l.ehr_id AND v.version_key = l.version_key
            WHERE v.tenant_id = @t AND v.ehr_id = @e AND v.object_id = @o AND v.version = @n
            """, ("t", tenant), ("e", Guid.Parse(ehrId)), ("o", Guid.Parse(parts[0])), ("n", int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture)));
        return long.Parse(rows.Single()!, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Differences between what was sent and what is read back, ignoring the root uid (which the server sets).</summary>
    public static List<string> Differences(JsonNode sent, string read)
    {
        var expected = sent.DeepClone().AsObject();
        expected.Remove("uid");
        var actual = JsonNode.Parse(read)!.AsObject();
        actual.Remove("uid");
        return JsonTreeComparer.Differences(JsonDocument.Parse(expected.ToJsonString()).RootElement, JsonDocument.Parse(actual.ToJsonString()).RootElement);
    }
}
