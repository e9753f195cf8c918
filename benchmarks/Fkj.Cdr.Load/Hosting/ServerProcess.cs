using System.Diagnostics;

namespace Fkj.Cdr.Load.Hosting;

/// <summary>
/// The CDR server as a child process (<c>dotnet Fkj.Cdr.Server.dll serve</c>) on 127.0.0.1 and a free port,
/// against a given PostgreSQL, with its console output in a log file. Its own process, so its GC and
/// thread pool are not the harness's. Stopped with SIGTERM (then SIGKILL after a grace period).
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly StreamWriter _log;

    private ServerProcess(Process process, StreamWriter log, Uri url, string logFile)
    {
        _process = process;
        _log = log;
        Url = url;
        LogFile = logFile;
    }

    public Uri Url { get; }

    public string LogFile { get; }

    public int ProcessId => _process.Id;

    /// <summary>Starts the server and waits until GET /health answers 200.</summary>
    public static Task<ServerProcess> StartAsync(string serverDll, string connectionString, string logFile, TextWriter progress, CancellationToken cancellationToken) =>
        // In the environment, not on the command line, where every user's ps would see the password.
        StartAsync(serverDll, [], new Dictionary<string, string> { ["FKJ_CONNECTIONSTRING"] = connectionString }, logFile, progress, cancellationToken);

    /// <summary>
    /// Starts the server on its own embedded PostgreSQL in <paramref name="dataDir"/> (<c>--data-dir</c>), as a
    /// deployment runs it, and waits until GET /health answers 200.
    /// </summary>
    public static Task<ServerProcess> StartOnDataDirAsync(string serverDll, string dataDir, string logFile, TextWriter progress, CancellationToken cancellationToken) =>
        // An FKJ_CONNECTIONSTRING in the harness's environment would take the server elsewhere: empty means none.
        StartAsync(serverDll, ["--data-dir", dataDir], new Dictionary<string, string> { ["FKJ_CONNECTIONSTRING"] = "" }, logFile, progress, cancellationToken);

    /// <summary>
    /// Kills the server with SIGKILL (the server alone: its PostgreSQL is a daemon of its own) and waits until it
    /// is gone: a crash, with no chance to finish requests, roll back or stop anything.
    /// </summary>
    public async Task KillAsync()
    {
        try
        {
            _process.Kill(entireProcessTree: false);
        }
        catch (InvalidOperationException)
        {
            // Gone already.
        }
        await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
    }

    private static async Task<ServerProcess> StartAsync(string serverDll, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment,
        string logFile, TextWriter progress, CancellationToken cancellationToken)
    {
        if (!File.Exists(serverDll))
        {
            throw new LoadSetupException($"The server is not built: {serverDll} does not exist (dotnet build src/Fkj.Cdr.Server -c Release, or give --server-dll).");
        }
        var port = FreeTcpPort.Next();
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(serverDll))!,
        };
        foreach (var a in new[] { serverDll, "serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--log-format", "simple" }.Concat(arguments))
        {
            startInfo.ArgumentList.Add(a);
        }
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }
        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logFile))!);
        var log = new StreamWriter(logFile, append: false) { AutoFlush = true };
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        void Write(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (log)
            {
                try
                {
                    log.WriteLine(line);
                }
                catch (ObjectDisposedException)
                {
                    // A last line after the harness closed the log.
                }
            }
        }
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var url = new Uri($"http://127.0.0.1:{port}/");
        var server = new ServerProcess(process, log, url, logFile);
        progress.WriteLine($"server: started pid {process.Id} on {url} (log {logFile})");
        try
        {
            await server.WaitUntilHealthyAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                UnixSignals.Terminate(_process.Id);
                using var grace = new CancellationTokenSource(StopTimeout);
                try
                {
                    await _process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                }
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }
        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }) { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        string last = "no answer yet";
        while (deadline.Elapsed < StartTimeout)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new LoadSetupException($"The server exited with code {_process.ExitCode} while starting; see {LogFile}.");
            }
            try
            {
                using var response = await http.GetAsync("health", cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
                last = $"GET /health answered {(int)response.StatusCode}";
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                last = "GET /health timed out";
            }
            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }
        throw new LoadSetupException($"The server did not become healthy within {StartTimeout.TotalSeconds:0} s ({last}); see {LogFile}.");
    }
}
