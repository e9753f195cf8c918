using System.Threading.RateLimiting;
using Fkj.Cdr.Server.Errors;

namespace Fkj.Cdr.Server.Hosting;

/// <summary>
/// Bounds the work in the server: at most <see cref="ServerOptions.MaxConcurrentRequests"/> requests run at once,
/// at most <see cref="ServerOptions.MaxQueuedRequests"/> more wait (oldest first), and any request beyond that is
/// answered at once with 503 and <c>Retry-After</c>. Past saturation a server with unbounded queues answers
/// everyone ever later, until clients time out and retry into the queue; with a bound, the requests admitted keep
/// their latency and the others learn straight away to come back. <c>/health</c> is never held back, so a load
/// balancer can still tell an overloaded server from a dead one.
/// </summary>
/// <remarks>
/// A request shed here is not written to the audit trail: it touched no patient data, and writing a database row
/// for each one would add load exactly when the database has none to spare. It is counted and logged instead
/// (once a second at most, with the count since the last line).
/// </remarks>
public sealed partial class AdmissionControl : IAsyncDisposable
{
    /// <summary>Seconds a shed client is asked to wait.</summary>
    public const int RetryAfterSeconds = 1;

    private readonly ConcurrencyLimiter _limiter;
    private readonly ServerOptions _options;
    private readonly ILogger<AdmissionControl> _logger;
    private long _shed;
    private long _shedLogged;
    private long _lastLogTicks;

    public AdmissionControl(ServerOptions options, ILogger<AdmissionControl> logger)
    {
        _options = options;
        _logger = logger;
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = options.MaxConcurrentRequests,
            QueueLimit = options.MaxQueuedRequests,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>How many requests wait for their turn now.</summary>
    public long Queued => _limiter.GetStatistics()?.CurrentQueuedCount ?? 0;

    /// <summary>How many requests have been shed since the start.</summary>
    public long Shed => Interlocked.Read(ref _shed);

    /// <summary>The middleware: admits the request, queues it, or sheds it with 503.</summary>
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Path.StartsWithSegments("/health"))
        {
            await next(context);
            return;
        }
        using var lease = await _limiter.AcquireAsync(1, context.RequestAborted);
        if (!lease.IsAcquired)
        {
            var total = Interlocked.Increment(ref _shed);
            LogShedding(total);
            throw new ApiException(StatusCodes.Status503ServiceUnavailable, "overloaded",
                    $"The server is at capacity ({_options.MaxConcurrentRequests} requests running and {_options.MaxQueuedRequests} waiting); retry after {RetryAfterSeconds} s.")
                .WithHeader("Retry-After", RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        await next(context);
    }

    private void LogShedding(long total)
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastLogTicks);
        if (now - last < 1000 || Interlocked.CompareExchange(ref _lastLogTicks, now, last) != last)
        {
            return;
        }
        var since = total - Interlocked.Exchange(ref _shedLogged, total);
        Overloaded(since, total, _options.MaxConcurrentRequests, _options.MaxQueuedRequests);
    }

    [LoggerMessage(EventId = 5031, Level = LogLevel.Warning,
        Message = "Overloaded: {Since} requests answered 503 since the last report ({Total} in all); {Running} may run and {Queued} wait")]
    private partial void Overloaded(long since, long total, int running, int queued);

    public ValueTask DisposeAsync() => _limiter.DisposeAsync();
}
