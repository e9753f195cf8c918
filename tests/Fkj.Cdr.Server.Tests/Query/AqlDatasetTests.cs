using System.Net;
using System.Text.Json.Nodes;

namespace Fkj.Cdr.Server.Tests.Query;

/// <summary>
/// The AQL data set (Query/Cases/dataset.yaml) loads through the REST API: every template and EHR is accepted,
/// every composition is committed, updated and deleted as the manifest says, or refused with the status and for
/// the reason the manifest gives; every directory is created and reads back with its folders, sub-folder uids and
/// items; the bindings the cases use are all known afterwards, and a case's expected rows match themselves under
/// the comparison rules. Running the queries is the query runner's job.
/// </summary>
[Collection(AqlDatasetCollection.Name)]
public sealed class AqlDatasetTests
{
    private readonly AqlDatasetFixture _fixture;

    public AqlDatasetTests(AqlDatasetFixture fixture) => _fixture = fixture;

    public static TheoryData<string> CompositionKeys()
    {
        var data = new TheoryData<string>();
        foreach (var c in AqlDatasetManifest.Load().Compositions) data.Add(c.Key);
        return data;
    }

    [Fact]
    public void EveryTemplateIsAccepted()
    {
        Assert.All(_fixture.Manifest.Templates, t =>
        {
            var outcome = _fixture.Outcome("template", t);
            Assert.True(outcome?.Status == 201, $"{t}: {outcome?.Status} {outcome?.Body}");
        });
    }

    [Fact]
    public async Task EveryEhrIsCreatedWithItsStatus()
    {
        foreach (var e in _fixture.Manifest.Ehrs)
        {
            var outcome = _fixture.Outcome("ehr", e.Key);
            Assert.True(outcome?.Status == 201, $"{e.Key}: {outcome?.Status} {outcome?.Body}");
            // The subject the manifest names the EHR by is the one its EHR_STATUS gives (none for an EHR made without a body).
            using var response = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{_fixture.Bindings[$"ehr:{e.Key}"]}/ehr_status", null, null);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var status = JsonNode.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(e.Status is null ? null : e.Key, (string?)status?["subject"]?["external_ref"]?["id"]?["value"]);
        }
        Assert.Equal(_fixture.Manifest.Ehrs.Count, _fixture.Manifest.Ehrs.Select(e => _fixture.Bindings[$"ehr:{e.Key}"]).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(CompositionKeys))]
    public void CompositionIsCommittedOrRefusedForItsReason(string key)
    {
        var composition = _fixture.Manifest.Compositions.Single(c => c.Key == key);
        var outcome = _fixture.Outcome("composition", key);
        Assert.NotNull(outcome);
        if (composition.ExpectedStatus is { } refused)
        {
            Assert.True(outcome.Status == refused, $"{key} should be refused with {refused} ({composition.Reason}): {outcome.Status} {outcome.Body}");
            Assert.False(_fixture.Bindings.Has($"composition:{key}"));
            return;
        }

        Assert.True(outcome.Status == 201, $"{key}: {outcome.Status} {outcome.Body}");
        foreach (var update in composition.Updates)
        {
            var answer = _fixture.Outcome("update", $"{key} <- {update}");
            Assert.True(answer?.Status is 200 or 204, $"{key} <- {update}: {answer?.Status} {answer?.Body}");
        }
        for (var n = 1; n <= composition.Versions; n++)
        {
            Assert.EndsWith($"::{AqlDatasetFixture.SystemId}::{n}", _fixture.Bindings[$"version:{key}@{n}"]);
        }
        Assert.Equal(_fixture.Bindings[$"version:{key}@{composition.Versions}"], _fixture.Bindings[$"version:{key}"]);
        if (composition.Delete)
        {
            var deleted = _fixture.Outcome("delete", key);
            Assert.True(deleted?.Status == 204, $"delete {key}: {deleted?.Status} {deleted?.Body}");
        }
    }

    [Fact]
    public async Task EveryDirectoryIsCreatedWithItsItems()
    {
        foreach (var folder in _fixture.Manifest.Folders)
        {
            var outcome = _fixture.Outcome("folder", folder.File);
            Assert.True(outcome?.Status == 201, $"{folder.File} -> {folder.Ehr}: {outcome?.Status} {outcome?.Body}");
            // Read back: the folder names of the file, and each item naming the composition the manifest maps it to.
            using var response = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{_fixture.Bindings[$"ehr:{folder.Ehr}"]}/directory", null, null);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var read = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            var sent = JsonNode.Parse(await File.ReadAllTextAsync(_fixture.Manifest.FullPath(folder.File)))!;
            Assert.Equal(Names(sent), Names(read));
            // The folder cases name sub-folders by the uids the files give them (never the root's).
            Assert.Equal(SubfolderUids(sent), SubfolderUids(read));
            var expectedItems = folder.Items.Values.Select(k => _fixture.Bindings[$"composition:{k}"]).Order(StringComparer.Ordinal);
            Assert.Equal(expectedItems, Items(read).Order(StringComparer.Ordinal));
        }

        static List<string> Names(JsonNode f) =>
            [(string)f["name"]!["value"]!, .. (f["folders"]?.AsArray() ?? []).SelectMany(c => Names(c!))];

        static List<string?> SubfolderUids(JsonNode f) =>
            (f["folders"]?.AsArray() ?? []).SelectMany(c => new[] { (string?)c!["uid"]?["value"] }.Concat(SubfolderUids(c))).ToList();

        static IEnumerable<string> Items(JsonNode f) =>
            (f["items"]?.AsArray() ?? []).Select(i => (string)i!["id"]!["value"]!).Concat((f["folders"]?.AsArray() ?? []).SelectMany(c => Items(c!)));
    }

    [Fact]
    public async Task UpdatedCompositionReadsBackAsItsLastFile()
    {
        // The versions the VERSION cases count: pm's latest is the updated_v3 file, and its history has 3 versions.
        var pm = _fixture.Manifest.Compositions.Single(c => c.Updates.Count > 0);
        var ehrId = _fixture.Bindings[$"ehr:{pm.Ehr}"];
        using var response = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehrId}/composition/{_fixture.Bindings[$"composition:{pm.Key}"]}", null, null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var read = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(_fixture.Bindings[$"version:{pm.Key}"], (string?)read["uid"]?["value"]);
        read.Remove("uid");
        var sent = JsonNode.Parse(await File.ReadAllTextAsync(_fixture.Manifest.FullPath(pm.Updates[^1])))!;
        var differences = JsonTreeComparer.Differences(System.Text.Json.JsonDocument.Parse(sent.ToJsonString()).RootElement,
            System.Text.Json.JsonDocument.Parse(read.ToJsonString()).RootElement);
        Assert.Empty(differences);

        using var history = await _fixture.SendAsync(HttpMethod.Get, $"/ehr/{ehrId}/versioned_composition/{_fixture.Bindings[$"composition:{pm.Key}"]}/revision_history", null, null);
        Assert.Equal(HttpStatusCode.OK, history.StatusCode);
        Assert.Equal(pm.Versions, JsonNode.Parse(await history.Content.ReadAsStringAsync())!["items"]!.AsArray().Count);
    }

    [Fact]
    public void EveryBindingACaseUsesIsKnown()
    {
        var missing = AqlDatasetCases.All.SelectMany(c => AqlDatasetCases.BindingsIn(c).Where(b => !_fixture.Bindings.Has(b)).Select(b => $"{c.Id}: ${{{b}}}")).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void ExpectedRowsMatchThemselvesAndNothingElse()
    {
        // The comparison the runner uses: every case's rows match a resolved copy of themselves (with fixture
        // references read) and stop matching when one row is dropped.
        foreach (var c in AqlDatasetCases.All.Where(c => c.Expected.Rows is { Count: > 0 }))
        {
            var rows = c.Expected.Rows!;
            var resolved = new JsonArray(rows.Select(r => new JsonArray(r!.AsArray().Select(cell => AqlDatasetResults.Expected(cell, _fixture.Bindings).Value?.DeepClone()).ToArray())).ToArray());
            Assert.True(AqlDatasetResults.Differences(rows, resolved, c.Expected.Ordered, _fixture.Bindings).Count == 0, c.Id);
            var shorter = new JsonArray(resolved.Skip(1).Select(r => r!.DeepClone()).ToArray());
            Assert.NotEmpty(AqlDatasetResults.Differences(rows, shorter, c.Expected.Ordered, _fixture.Bindings));
        }
    }
}
