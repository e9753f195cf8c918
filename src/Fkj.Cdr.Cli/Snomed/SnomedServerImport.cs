using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text.Json;
using Fkj.Cdr.Terminology.Storage;

namespace Fkj.Cdr.Cli.Snomed;

/// <summary>
/// <c>snomed import PATH... --url URL</c>: packs the releases into one zip (folders zipped on the fly into a temporary
/// file, each under its own name; zips copied entry by entry), posts it to
/// <c>POST /admin/terminology/snomed/imports</c>, then follows <c>GET</c> on the Location until the server has imported it
/// and rebuilt its index.
/// </summary>
public static class SnomedServerImport
{
    public const string ImportsPath = "/admin/terminology/snomed/imports";

    public static async Task<int> RunAsync(IReadOnlyList<string> paths, string url, TextWriter stdout, TextWriter stderr, bool quiet)
    {
        var zip = Path.Combine(Path.GetTempPath(), $"fkj-snomed-{Guid.NewGuid():N}.zip");
        try
        {
            Pack(paths, zip);
            using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = Timeout.InfiniteTimeSpan };
            HttpResponseMessage posted;
            await using (var body = File.OpenRead(zip))
            {
                var content = new StreamContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
                posted = await client.PostAsync($"{ImportsPath}?name={Uri.EscapeDataString(SnomedImportCommand.NameOf(paths))}", content);
            }

            var text = await posted.Content.ReadAsStringAsync();
            if (posted.StatusCode != System.Net.HttpStatusCode.Accepted || posted.Headers.Location is null)
            {
                stderr.WriteLine($"snomed import: the server answered {(int)posted.StatusCode}: {text}");
                return 1;
            }

            using var bar = quiet ? null : new SnomedImportProgressBar(stderr, !Console.IsErrorRedirected);
            while (true)
            {
                using var state = JsonDocument.Parse(await client.GetStringAsync(posted.Headers.Location));
                var root = state.RootElement;
                var status = root.GetProperty("state").GetString();
                bar?.Report(new SnomedImportProgress(root.GetProperty("stage").GetString() ?? "", root.GetProperty("bytesRead").GetInt64(),
                    root.GetProperty("totalBytes").GetInt64(), root.GetProperty("rows").GetInt64()));
                if (status == "done")
                {
                    bar?.Dispose();
                    var result = root.GetProperty("result");
                    stdout.WriteLine(result.GetRawText());
                    stdout.WriteLine(result.GetProperty("changedNothing").GetBoolean()
                        ? "snomed import: nothing new; the tables are unchanged"
                        : "snomed import: imported; the server's index is rebuilt");
                    return 0;
                }

                if (status == "failed")
                {
                    bar?.Dispose();
                    stderr.WriteLine($"snomed import: failed: {root.GetProperty("error").GetRawText()}");
                    return 1;
                }

                await Task.Delay(500);
            }
        }
        finally
        {
            File.Delete(zip);
        }
    }

    /// <summary>One zip of every release: a folder's .txt files under the folder's name, a zip's entries under its name.</summary>
    public static void Pack(IEnumerable<string> paths, string zipPath)
    {
        using var output = ZipFile.Open(zipPath, ZipArchiveMode.Create);
        foreach (var path in paths)
        {
            var prefix = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)));
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    var name = prefix + "/" + Path.GetRelativePath(path, file).Replace('\\', '/');
                    output.CreateEntryFromFile(file, name, CompressionLevel.Fastest);
                }
            }
            else
            {
                using var input = ZipFile.OpenRead(path);
                foreach (var entry in input.Entries.Where(e => e.FullName.EndsWith(".txt", StringComparison.Ordinal)))
                {
                    using var from = entry.Open();
                    using var to = output.CreateEntry(prefix + "/" + entry.FullName, CompressionLevel.Fastest).Open();
                    from.CopyTo(to);
                }
            }
        }
    }
}
