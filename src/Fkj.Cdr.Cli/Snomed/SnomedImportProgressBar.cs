using System.Diagnostics;
using System.Globalization;
using Fkj.Cdr.Terminology.Storage;

namespace Fkj.Cdr.Cli.Snomed;

/// <summary>
/// The progress of a SNOMED CT import on stderr: the stage, megabytes of RF2 read of the total, rows and time. On a
/// terminal one line rewritten in place four times a second; otherwise (a log file, a pipe) a line every five seconds
/// and one at each new stage.
/// </summary>
public sealed class SnomedImportProgressBar : IProgress<SnomedImportProgress>, IDisposable
{
    private readonly TextWriter _out;
    private readonly bool _interactive;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _lock = new();
    private readonly Timer _timer;
    private SnomedImportProgress? _last;
    private string _lastStage = "";
    private int _lastLength;
    private string _lastLine = "";

    public SnomedImportProgressBar(TextWriter output, bool interactive)
    {
        _out = output;
        _interactive = interactive;
        var every = interactive ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromSeconds(5);
        _timer = new Timer(_ => Show(final: false), null, every, every);
    }

    public void Report(SnomedImportProgress value)
    {
        bool newStage;
        lock (_lock)
        {
            newStage = value.Stage != _lastStage;
            _last = value;
            _lastStage = value.Stage;
        }

        if (newStage && !_interactive)
        {
            Show(final: false);
        }
    }

    public static string Line(SnomedImportProgress p, TimeSpan elapsed)
    {
        var c = CultureInfo.InvariantCulture;
        var share = p.TotalBytes > 0 ? 100.0 * p.BytesRead / p.TotalBytes : 100;
        return string.Create(c, $"snomed import: {p.Stage}, {p.BytesRead / 1e6:N1}/{p.TotalBytes / 1e6:N1} MB read ({share:0} %), {p.Rows:N0} rows, {Format(elapsed)}");
    }

    public static string Format(TimeSpan t) => string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalMinutes}:{t.Seconds:00}");

    /// <summary>Stops the updates and leaves the last line standing.</summary>
    public void Dispose()
    {
        _timer.Dispose();
        Show(final: true);
    }

    private void Show(bool final)
    {
        lock (_lock)
        {
            if (_last is null)
            {
                return;
            }

            var line = Line(_last, _clock.Elapsed);
            if (_interactive)
            {
                var padded = line.Length < _lastLength ? line + new string(' ', _lastLength - line.Length) : line;
                _out.Write('\r' + padded + (final ? Environment.NewLine : ""));
                _lastLength = final ? 0 : line.Length;
            }
            else if (line != _lastLine)
            {
                _out.WriteLine(line);
            }

            _lastLine = line;

            _out.Flush();
        }
    }
}
