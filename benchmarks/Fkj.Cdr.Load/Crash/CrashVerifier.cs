using Fkj.Cdr.Load.OpenEhr;

namespace Fkj.Cdr.Load.Crash;

/// <summary>
/// Checks, after a restart, every commit of the run against what the server stored. An acknowledged commit
/// must be there at its version uid, readable (GET 200) with the content sent. A commit that was never
/// acknowledged may be there or not, but only whole. Every stored version must be a commit the run sent, once,
/// with its contribution, all its leaf rows (as many as the query index lists for its body) and one audit
/// record of its write; <see cref="DatabaseSnapshot"/> adds the orphans and half-written objects.
/// </summary>
public static class CrashVerifier
{
    public static async Task<Verification> VerifyAsync(
        IReadOnlyList<CommitAttempt> attempts,
        DatabaseSnapshot stored,
        MarkedBodies bodies,
        CrashClient client,
        int readers,
        CancellationToken cancellationToken)
    {
        var result = new Verification { VersionsChecked = stored.Versions.Count };
        result.Problems.AddRange(stored.Problems);
        void Problem(string kind, string detail) => result.Problems.Add(new IntegrityProblem(kind, detail));

        var sent = new Dictionary<Guid, CommitAttempt>();
        foreach (var attempt in attempts)
        {
            sent[attempt.Marker] = attempt;
        }
        var byMarker = new Dictionary<Guid, StoredVersion>();
        // Versions present but not whole: their commits do not count as intact even when their document reads back right.
        var damaged = new HashSet<Guid>();
        foreach (var version in stored.Versions)
        {
            var where = $"{version.EhrId} {version.ObjectId} v{version.Version}";
            if (version.Marker is null || !Guid.TryParseExact(version.Marker, "D", out var marker))
            {
                Problem("version without a commit marker", $"{where} (change type {version.ChangeType})");
                continue;
            }
            if (!byMarker.TryAdd(marker, version))
            {
                Problem("one commit stored twice", $"{where} and {byMarker[marker].ObjectId} v{byMarker[marker].Version}, marker {marker}");
                continue;
            }
            if (!sent.TryGetValue(marker, out var attempt))
            {
                Problem("version that no request of the run sent", $"{where}, marker {marker}");
                continue;
            }
            var expectedLeaves = bodies.LeafCount(attempt.Variant);
            if (version.LeafRows != expectedLeaves)
            {
                Problem("version with missing or extra leaf rows", $"{where}: {version.LeafRows} leaf rows, {expectedLeaves} expected");
                damaged.Add(marker);
            }
            if (version.WriteAudits != 1)
            {
                Problem("version without exactly one audit record of its write", $"{where}: {version.WriteAudits}");
                damaged.Add(marker);
            }
            if (!version.HasContribution)
            {
                damaged.Add(marker); // named by the snapshot's own query
            }
        }

        var toRead = new List<(string EhrId, string Uid, CommitAttempt Attempt)>();
        foreach (var attempt in attempts)
        {
            var found = byMarker.GetValueOrDefault(attempt.Marker);
            if (attempt.Acknowledged)
            {
                result.Acknowledged++;
                var uid = attempt.VersionUid!;
                if (found is null)
                {
                    Problem("acknowledged commit lost", $"{attempt.Kind} {uid} in EHR {attempt.EhrId} (round {attempt.Round}, marker {attempt.Marker})");
                }
                else if (!SameVersion(found, uid))
                {
                    Problem("acknowledged commit stored under another uid", $"{uid} is stored as {found.ObjectId} v{found.Version}");
                }
                else
                {
                    toRead.Add((attempt.EhrId, uid, attempt));
                }
                continue;
            }

            result.Unacknowledged++;
            if (found is null)
            {
                result.UnacknowledgedAbsent++;
                continue;
            }
            result.UnacknowledgedPresent++;
            var (objectId, version) = attempt.Kind == CommitKind.Create
                ? (found.ObjectId, 1)
                : (Guid.Parse(VersionUid.ObjectId(attempt.PrecedingUid!)), Version(attempt.PrecedingUid!) + 1);
            if (found.ObjectId != objectId || found.Version != version)
            {
                Problem("unacknowledged commit stored as another version than it asked for",
                    $"{attempt.Kind} after {attempt.PrecedingUid ?? "nothing"} is stored as {found.ObjectId} v{found.Version}");
                continue;
            }
            var system = attempt.PrecedingUid is { } preceding ? preceding.Split("::")[1] : null;
            // The server's system id is in every acknowledged uid; an unacknowledged create is read by its object id's versions.
            system ??= attempts.FirstOrDefault(a => a.Acknowledged)?.VersionUid!.Split("::")[1];
            if (system is not null)
            {
                toRead.Add((attempt.EhrId, $"{found.ObjectId}::{system}::{found.Version}", attempt));
            }
        }

        var intact = 0;
        var lockProblems = new Lock();
        await Parallel.ForEachAsync(toRead, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, readers), CancellationToken = cancellationToken },
            async (item, ct) =>
            {
                var (status, body) = await client.GetAsync(item.EhrId, item.Uid, ct).ConfigureAwait(false);
                string? problem = null;
                if (status != 200 || body is null)
                {
                    problem = $"GET {item.Uid} answered {status}";
                }
                else if (JsonTrees.FirstDifference(bodies.Body(item.Attempt.Variant, item.Attempt.Marker), body) is { } path)
                {
                    problem = $"{item.Uid} differs from what was sent at {path}";
                }
                if (problem is null)
                {
                    if (item.Attempt.Acknowledged && !damaged.Contains(item.Attempt.Marker))
                    {
                        Interlocked.Increment(ref intact);
                    }
                    return;
                }
                lock (lockProblems)
                {
                    Problem(item.Attempt.Acknowledged ? "acknowledged commit not read back as sent" : "unacknowledged commit stored but not read back as sent", problem);
                }
            }).ConfigureAwait(false);
        result.AcknowledgedIntact = intact;
        result.VersionsReadBack = toRead.Count;
        return result;
    }

    private static bool SameVersion(StoredVersion stored, string uid) =>
        Guid.TryParse(VersionUid.ObjectId(uid), out var objectId) && objectId == stored.ObjectId && Version(uid) == stored.Version;

    private static int Version(string uid) =>
        int.TryParse(uid[(uid.LastIndexOf("::", StringComparison.Ordinal) + 2)..], out var version) ? version : -1;
}
