namespace Fkj.Cdr.Load.Crash;

/// <summary>
/// The clients of one round of the crash scenario: each commits, closed loop, a new composition to the next of
/// the run's EHRs, or one time in five a new version of the last composition it committed in this round, and
/// records every attempt in the ledger before sending it. <see cref="Reached"/> completes at the round's kill
/// point (that many acknowledged commits), or at the first answer before the kill that is neither an
/// acknowledgement nor a 503 or 429 (load shed, tried again), which makes the round invalid (<see cref="Failure"/>). After <see cref="StopIssuing"/> no client sends again; the requests
/// in flight then end as the server dies.
/// </summary>
public sealed class CommitLoad
{
    private const int UpdateOneIn = 5;

    private readonly CrashClient _client;
    private readonly MarkedBodies _bodies;
    private readonly IReadOnlyList<string> _ehrs;
    private readonly CommitLedger _ledger;
    private readonly int _round;
    private readonly int _clients;
    private readonly int _seed;
    private readonly int _killAt;
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _stopped;
    private int _acknowledged;

    public CommitLoad(CrashClient client, MarkedBodies bodies, IReadOnlyList<string> ehrs, CommitLedger ledger, int round, int clients, int seed, int killAt)
    {
        _client = client;
        _bodies = bodies;
        _ehrs = ehrs;
        _ledger = ledger;
        _round = round;
        _clients = clients;
        _seed = seed;
        _killAt = killAt;
    }

    /// <summary>Completes when the kill point is reached or the round went wrong.</summary>
    public Task Reached => _reached.Task;

    /// <summary>Why the round is invalid: an answer other than an acknowledgement before the kill.</summary>
    public string? Failure { get; private set; }

    public int Acknowledged => Volatile.Read(ref _acknowledged);

    /// <summary>Runs every client until <see cref="StopIssuing"/> and its request in flight has ended.</summary>
    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(Enumerable.Range(0, _clients).Select(c => Task.Run(() => ClientAsync(c, cancellationToken), CancellationToken.None)));

    public void StopIssuing() => _stopped = true;

    private async Task ClientAsync(int client, CancellationToken cancellationToken)
    {
        // The choices (variants, markers, updates) follow from the seed; only the interleaving does not.
        var random = new Random(unchecked((_seed * 1_000_003) + (_round * 1_009) + client));
        CommitAttempt? last = null;
        for (var n = 0; !_stopped && !cancellationToken.IsCancellationRequested; n++)
        {
            var update = last is not null && random.Next(UpdateOneIn) == 0;
            var attempt = new CommitAttempt(
                _round,
                client,
                update ? CommitKind.Update : CommitKind.Create,
                update ? last!.EhrId : _ehrs[(client + n * _clients) % _ehrs.Count],
                update ? last!.VersionUid : null,
                random.Next(_bodies.Count),
                NewMarker(random));
            _ledger.Add(attempt);
            // Not cancelled by the kill: a request in flight ends by itself when the server dies.
            var (outcome, uid) = await _client.CommitAsync(attempt, _bodies.Body(attempt.Variant, attempt.Marker), CancellationToken.None).ConfigureAwait(false);
            attempt.Complete(outcome, uid);
            if (attempt.Acknowledged)
            {
                last = attempt;
                if (Interlocked.Increment(ref _acknowledged) == _killAt)
                {
                    _reached.TrySetResult();
                }
            }
            else if (!_stopped && outcome is "503" or "429")
            {
                // Load shed before the kill: nothing was written, and the client tries again shortly.
                await Task.Delay(100, CancellationToken.None).ConfigureAwait(false);
            }
            else
            {
                if (!_stopped)
                {
                    Failure ??= $"client {client}: {attempt.Kind} to EHR {attempt.EhrId} answered {outcome} before the kill";
                    _reached.TrySetResult();
                }
                return;
            }
        }
    }

    private static Guid NewMarker(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes);
    }
}
