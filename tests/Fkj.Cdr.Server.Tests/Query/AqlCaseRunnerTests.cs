using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Fkj.Cdr.Server.Tests.Query;

/// <summary>
/// Runs every expected-result case of Query/Cases/*.yaml against the data set through
/// <c>POST /openehr/v1/query/aql</c>, one theory row per case. A case listed in Query/Cases/pending.yaml (with why) is
/// one the engine does not answer yet: it must still fail, so that a case the engine comes to answer is moved out of
/// the list rather than silently skipped. Every other case must pass.
/// </summary>
[Collection(AqlDatasetCollection.Name)]
public sealed class AqlCaseRunnerTests
{
    private const string NonePending = "(none pending)";

    private readonly AqlDatasetFixture _fixture;
    private readonly ITestOutputHelper _output;

    public AqlCaseRunnerTests(AqlDatasetFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    public static TheoryData<string> Supported() => Ids(pending: false);

    public static TheoryData<string> Pending() => Ids(pending: true);

    private static TheoryData<string> Ids(bool pending)
    {
        var data = new TheoryData<string>();
        var list = AqlPendingCases.All;
        foreach (var c in AqlDatasetCases.All.Where(c => list.ContainsKey(c.Id) == pending)) data.Add(c.Id);
        // A theory needs a row: with nothing pending, one row checks that the list is indeed empty.
        if (pending && list.Count == 0) data.Add(NonePending);
        return data;
    }

    [Theory]
    [MemberData(nameof(Supported))]
    public async Task CaseGivesItsExpectedResult(string id)
    {
        var differences = await RunAsync(AqlDatasetCases.Get(id));
        Assert.True(differences.Count == 0, $"{id}:\n{string.Join("\n", differences.Take(20))}");
    }

    [Theory]
    [MemberData(nameof(Pending))]
    public async Task PendingCaseStillFails(string id)
    {
        if (id == NonePending)
        {
            Assert.Empty(AqlPendingCases.All);
            return;
        }
        var differences = await RunAsync(AqlDatasetCases.Get(id));
        Assert.True(differences.Count > 0, $"{id} now passes: move it out of Query/Cases/pending.yaml ({AqlPendingCases.All[id]}).");
        _output.WriteLine($"{id} pending ({AqlPendingCases.All[id]}): {differences[0]}");
    }

    [Fact]
    public void PendingListNamesExistingCasesWithReasons()
    {
        var ids = AqlDatasetCases.All.Select(c => c.Id).ToHashSet();
        Assert.All(AqlPendingCases.All, p =>
        {
            Assert.Contains(p.Key, ids);
            Assert.False(string.IsNullOrWhiteSpace(p.Value), $"{p.Key} has no reason");
        });
        var byArea = AqlDatasetCases.All.GroupBy(c => c.Area).OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var area in byArea)
        {
            var pending = area.Count(c => AqlPendingCases.All.ContainsKey(c.Id));
            _output.WriteLine($"{area.Key,-16} {area.Count() - pending,4} pass {pending,4} pending");
        }
    }

    /// <summary>Sends the case with its bindings resolved; the differences from what it expects (empty when it passes).</summary>
    private async Task<List<string>> RunAsync(AqlCase c)
    {
        var body = new JsonObject { ["q"] = _fixture.Bindings.Resolve(c.Aql) };
        if (c.Parameters is not null) body["query_parameters"] = _fixture.Bindings.Resolve(c.Parameters);
        if (c.Request?["offset"] is { } offset) body["offset"] = offset.DeepClone();
        if (c.Request?["fetch"] is { } fetch) body["fetch"] = fetch.DeepClone();

        using var response = await _fixture.SendAsync(HttpMethod.Post, "/query/aql",
            System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()), "application/json");
        var text = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        var expected = c.Expected;
        if (status != expected.Status)
        {
            return [$"status {status}, expected {expected.Status}: {Shorten(text)}"];
        }
        var json = JsonNode.Parse(text);
        if (expected.Status != 200)
        {
            var code = (string?)json?["code"];
            var wanted = ExpectedCode(expected.Invalid);
            return code == wanted ? [] : [$"code {code}, expected {wanted}: {Shorten(text)}"];
        }

        var differences = new List<string>();
        var columns = json?["columns"]?.AsArray().Select(col => (string?)col?["name"]).ToList() ?? [];
        if (!columns.SequenceEqual(expected.Columns!))
        {
            differences.Add($"columns [{string.Join(", ", columns)}], expected [{string.Join(", ", expected.Columns!)}]");
        }
        var rows = json?["rows"]?.AsArray() ?? [];
        differences.AddRange(AqlDatasetResults.Differences(expected.Rows!, rows, expected.Ordered, _fixture.Bindings));
        return differences;
    }

    /// <summary>The error code a refusal must carry: a query the grammar, the RM or the templates rule out is invalid, not merely unsupported.</summary>
    private static string ExpectedCode(string? invalid) => invalid switch
    {
        "parameter" => "aql_parameter_missing",
        _ => "invalid_aql",
    };

    private static string Shorten(string text) => text.Length <= 600 ? text : text[..600] + "…";
}
