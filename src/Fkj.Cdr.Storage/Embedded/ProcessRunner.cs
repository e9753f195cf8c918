using System.Diagnostics;

namespace Fkj.Cdr.Storage.Embedded;

/// <summary>The outcome of one finished program.</summary>
internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    public string Output => (StandardOutput + "\n" + StandardError).Trim();
}

/// <summary>
/// Runs a program to completion and captures its output. With <c>asPostgresUser</c> and when we are
/// root, the program is run as the <c>postgres</c> user through <c>runuser</c>.
/// </summary>
internal static class ProcessRunner
{
    public static async Task<ProcessResult> RunAsync(string program, IEnumerable<string> arguments, bool asPostgresUser, CancellationToken cancellationToken = default)
    {
        var startInfo = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            // The postgres user must be able to stand in the working directory.
            WorkingDirectory = "/",
        };
        if (asPostgresUser && UnixUser.IsRoot)
        {
            startInfo.FileName = "runuser";
            foreach (var a in new[] { "-u", UnixUser.PostgresUser, "--", program })
            {
                startInfo.ArgumentList.Add(a);
            }
        }
        else
        {
            startInfo.FileName = program;
        }
        foreach (var a in arguments)
        {
            startInfo.ArgumentList.Add(a);
        }
        // Messages in English, whatever the caller's locale, so logs and errors read the same everywhere.
        startInfo.Environment["LC_ALL"] = "C";
        startInfo.Environment["LANG"] = "C";

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new EmbeddedPostgresException($"Could not run '{startInfo.FileName}': {e.Message}", e);
        }
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        // PostgreSQL programs are never killed half-way: an interrupted initdb or pg_ctl leaves a
        // cluster in a worse state than a short wait does. Their own timeouts bound the wait.
        await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        var result = new ProcessResult(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
        cancellationToken.ThrowIfCancellationRequested();
        return result;
    }

    public static async Task<ProcessResult> RunCheckedAsync(string program, IEnumerable<string> arguments, bool asPostgresUser, CancellationToken cancellationToken = default)
    {
        var args = arguments.ToList();
        var result = await RunAsync(program, args, asPostgresUser, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new EmbeddedPostgresException(
                $"'{Path.GetFileName(program)} {string.Join(' ', args)}' failed with exit code {result.ExitCode}: {result.Output}");
        }
        return result;
    }
}
