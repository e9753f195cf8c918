using System.Diagnostics;
using System.Globalization;

namespace Fkj.Cdr.Cli.Import;

/// <summary>
/// Counts what the import did with each composition (stored, skipped as stored already, refused) and shows it on
/// stderr with the rate and the time left: on a terminal, one line rewritten in place four times a second;
/// otherwise (a log file, a pipe) a line every five seconds.
/// </summary>
public sealed class ImportProgress : IAsyncDisposable
{
    private static readonly TimeSpan WindowLength = TimeSpan.FromSeconds(10);

    private readonly TextWriter _out;
    private readonly bool _interactive;
    private readonly long _total;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Queue<(TimeSpan At, long Done)> _window = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task? _loop;
    private readonly Lock _writeLock = new();
    private long _stored;
    private long _skipped;
    private long _refused;
    private long _ehrs;
    private int _lastLength;

    public ImportProgress(TextWriter output, long total, bool interactive, bool quiet)
    {
        _out = output;
        _total = total;
        _interactive = interactive;
        if (!quiet)
        {
            _loop = LoopAsync(interactive ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromSeconds(5));
        }
    }

    public long Stored => Interlocked.Read(ref _stored);

    public long Skipped => Interlocked.Read(ref _skipped);

    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>EHRs created now (not found by subject).</summary>
    public long EhrsCreated => Interlocked.Read(ref _ehrs);

    public TimeSpan Elapsed => _clock.Elapsed;

    public void AddStored(long n) => Interlocked.Add(ref _stored, n);

    public void AddSkipped(long n) => Interlocked.Add(ref _skipped, n);

    public void AddRefused(long n) => Interlocked.Add(ref _refused, n);

    public void AddEhrsCreated(long n) => Interlocked.Add(ref _ehrs, n);

    /// <summary>Starts the clock afresh (after the preparations: database start, baseline).</summary>
    public void Restart()
    {
        _clock.Restart();
        lock (_window) _window.Clear();
    }

    /// <summary>Writes a message on a line of its own (clearing the progress line first on a terminal).</summary>
    public void Message(string line)
    {
        lock (_writeLock)
        {
            if (_interactive && _lastLength > 0)
            {
                _out.Write('\r' + new string(' ', _lastLength) + '\r');
                _lastLength = 0;
            }
            _out.WriteLine(line);
            _out.Flush();
        }
    }

    /// <summary>The progress line as it stands: count, share, rate over the last seconds, time left.</summary>
    public string Line()
    {
        var c = CultureInfo.InvariantCulture;
        var stored = Stored;
        var done = stored + Skipped + Refused;
        var now = _clock.Elapsed;
        double rate;
        lock (_window)
        {
            _window.Enqueue((now, done));
            while (_window.Count > 2 && now - _window.Peek().At > WindowLength) _window.Dequeue();
            var (at, before) = _window.Peek();
            var span = (now - at).TotalSeconds;
            rate = span > 0.5 ? (done - before) / span : done / Math.Max(now.TotalSeconds, 1e-3);
        }
        var share = _total > 0 ? 100.0 * done / _total : 100;
        var eta = rate > 0 && done < _total ? Format(TimeSpan.FromSeconds((_total - done) / rate)) : "-";
        var extra = (Skipped > 0 ? string.Create(c, $", {Skipped:N0} stored before") : "") + (Refused > 0 ? string.Create(c, $", {Refused:N0} refused") : "");
        return string.Create(c, $"import: {done:N0}/{_total:N0} compositions ({share:0.0} %), {rate:N0}/s, ETA {eta}, {Format(now)} so far{extra}");
    }

    /// <summary>Stops the updates and leaves the last line standing.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            try
            {
                await _loop;
            }
            catch (OperationCanceledException)
            {
            }
            Show(final: true);
        }
        _stop.Dispose();
    }

    private async Task LoopAsync(TimeSpan every)
    {
        using var timer = new PeriodicTimer(every);
        while (await timer.WaitForNextTickAsync(_stop.Token))
        {
            Show(final: false);
        }
    }

    private void Show(bool final)
    {
        var line = Line();
        lock (_writeLock)
        {
            if (_interactive)
            {
                var padded = line.Length < _lastLength ? line + new string(' ', _lastLength - line.Length) : line;
                _out.Write('\r' + padded + (final ? Environment.NewLine : ""));
                _lastLength = final ? 0 : line.Length;
            }
            else
            {
                _out.WriteLine(line);
            }
            _out.Flush();
        }
    }

    public static string Format(TimeSpan t) =>
        t.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{t.Minutes}:{t.Seconds:00}");
}
