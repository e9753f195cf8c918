using System.Net;
using System.Text;
using Fkj.Cdr.Load.Compositions;
using Fkj.Cdr.Load.Crash;

namespace Fkj.Cdr.Load.Tests.Crash;

/// <summary>The verifier's judgement of commits against a database snapshot, with a stub server answering the reads.</summary>
public sealed class CrashVerifierTests
{
    private const string System = "fkj.cdr";
    private static readonly MarkedBodies Bodies = new(VitalSignsVariants.Generate(File.ReadAllBytes(VitalSignsVariants.DefaultSourcePath), 3, seed: 5));
    private static readonly Guid Ehr = Guid.Parse("0193a000-0000-7000-8000-000000000001");

    [Fact]
    public async Task Whole_commits_pass_and_every_kind_of_loss_or_damage_is_named()
    {
        var intact = Acknowledged(variant: 0, out var intactVersion);
        var changed = Acknowledged(variant: 1, out var changedVersion);
        var lost = Acknowledged(variant: 2, out _);
        var leafless = Acknowledged(variant: 0, out var leaflessVersion);
        var inFlightAbsent = Attempt(variant: 1);
        inFlightAbsent.Complete("connection-failed", null);
        var inFlightPresent = Attempt(variant: 2);
        inFlightPresent.Complete("connection-failed", null);
        var presentVersion = Stored(inFlightPresent, Guid.NewGuid(), 1);
        var stranger = new StoredVersion(Ehr, Guid.NewGuid(), 1, 249, Guid.NewGuid().ToString("D"), true, Bodies.LeafCount(0), 1, true);

        var snapshot = new DatabaseSnapshot(
            [intactVersion, changedVersion, leaflessVersion with { LeafRows = 3 }, presentVersion, stranger],
            [new IntegrityProblem("contribution without versions", "an orphan")]);
        // The server answers each read with the body sent, except the changed one, whose systolic pressure moved.
        var bodiesByUid = new Dictionary<string, byte[]>
        {
            [intact.VersionUid!] = Bodies.Body(0, intact.Marker),
            [changed.VersionUid!] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Bodies.Body(1, changed.Marker)).Replace("\"magnitude\":", "\"magnitude\":1", StringComparison.Ordinal)),
            [leafless.VersionUid!] = Bodies.Body(0, leafless.Marker),
            [$"{presentVersion.ObjectId}::{System}::1"] = Bodies.Body(2, inFlightPresent.Marker),
        };
        using var http = new HttpClient(new StubServer(bodiesByUid)) { BaseAddress = new Uri("http://127.0.0.1:1/") };

        var result = await CrashVerifier.VerifyAsync(
            [intact, changed, lost, leafless, inFlightAbsent, inFlightPresent], snapshot, Bodies, new CrashClient(http, null), 2, CancellationToken.None);

        Assert.Equal(4, result.Acknowledged);
        Assert.Equal(1, result.AcknowledgedIntact); // the leafless one reads back right but is not whole
        Assert.Equal(2, result.Unacknowledged);
        Assert.Equal(1, result.UnacknowledgedPresent);
        Assert.Equal(1, result.UnacknowledgedAbsent);
        Assert.Equal(5, result.VersionsChecked);
        Assert.Equal(4, result.VersionsReadBack);
        Assert.Equal(
            [
                "acknowledged commit lost",
                "acknowledged commit not read back as sent",
                "contribution without versions",
                "version that no request of the run sent",
                "version with missing or extra leaf rows",
            ],
            result.Problems.Select(p => p.Kind).Order(StringComparer.Ordinal));
        Assert.Contains(result.Problems, p => p.Kind == "acknowledged commit lost" && p.Detail.Contains(lost.VersionUid!, StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Kind == "acknowledged commit not read back as sent" && p.Detail.Contains("magnitude", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Kind == "version with missing or extra leaf rows" && p.Detail.Contains($"3 leaf rows, {Bodies.LeafCount(0)} expected", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_commit_stored_twice_or_at_another_version_is_a_problem()
    {
        var first = Acknowledged(variant: 0, out var firstVersion);
        var snapshot = new DatabaseSnapshot([firstVersion, firstVersion with { ObjectId = Guid.NewGuid() }], []);
        var moved = Acknowledged(variant: 1, out var movedVersion);
        snapshot = new DatabaseSnapshot([.. snapshot.Versions, movedVersion with { Version = 2 }], []);
        using var http = new HttpClient(new StubServer(new Dictionary<string, byte[]> { [first.VersionUid!] = Bodies.Body(0, first.Marker) }))
        {
            BaseAddress = new Uri("http://127.0.0.1:1/"),
        };

        var result = await CrashVerifier.VerifyAsync([first, moved], snapshot, Bodies, new CrashClient(http, null), 1, CancellationToken.None);

        Assert.Equal(["acknowledged commit stored under another uid", "one commit stored twice"], result.Problems.Select(p => p.Kind).Order(StringComparer.Ordinal));
        Assert.Equal(1, result.AcknowledgedIntact);
    }

    private static CommitAttempt Attempt(int variant) =>
        new(1, 0, CommitKind.Create, Ehr.ToString(), null, variant, Guid.NewGuid());

    private static CommitAttempt Acknowledged(int variant, out StoredVersion stored)
    {
        var attempt = Attempt(variant);
        var objectId = Guid.NewGuid();
        attempt.Complete("201", $"{objectId}::{System}::1");
        stored = Stored(attempt, objectId, 1);
        return attempt;
    }

    private static StoredVersion Stored(CommitAttempt attempt, Guid objectId, int version) =>
        new(Ehr, objectId, version, 249, attempt.Marker.ToString("D"), true, Bodies.LeafCount(attempt.Variant), 1, true);

    /// <summary>Answers GET .../composition/{uid} with the body it holds for that uid, else 404.</summary>
    private sealed class StubServer(IReadOnlyDictionary<string, byte[]> bodies) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uid = Uri.UnescapeDataString(request.RequestUri!.AbsolutePath.Split('/').Last());
            return Task.FromResult(request.Method == HttpMethod.Get && bodies.TryGetValue(uid, out var body)
                ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body) }
                : new HttpResponseMessage(HttpStatusCode.NotFound));
        }
    }
}
