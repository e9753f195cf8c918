using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using Fkj.Cdr.Server;
using Fkj.Cdr.Server.Terminology;
using Fkj.Cdr.Terminology.Ecl.Evaluation;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Fkj.Cdr.Benchmarks.Terminology;

/// <summary>
/// The terminology routes over HTTP: the real server started in this process (embedded PostgreSQL in a temporary
/// data directory), the synthetic release's index handed to its <see cref="SnomedCatalog"/> (a benchmark-only path:
/// the server itself loads an index only from an import), and one <see cref="HttpClient"/> on loopback. The
/// baseline is <c>GET /terminology/snomed/concepts/{id}</c>, one dictionary lookup behind the same HTTP stack: the
/// floor any route pays. Then the 10-hit search (<c>/terminology/snomed/search</c>, rotating over 512 prefix
/// queries as in <see cref="SnomedBenchmarks"/>) and the same search as a FHIR <c>ValueSet/$expand</c> with
/// <c>filter</c> and <c>count=10</c>. One request per iteration (<see cref="SyntheticRelease.PerRequestConfig"/>), so the
/// Median column is the per-request p50.
/// </summary>
[Config(typeof(SyntheticRelease.PerRequestConfig))]
[MedianColumn]
public class SnomedHttpBenchmarks
{
    private WebApplication app = null!;
    private HttpClient client = null!;
    private string dataDir = "";
    private string[] queries = [];
    private long[] concepts = [];
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        var index = SyntheticRelease.Index;
        Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
        // Under /tmp and traversable: the embedded PostgreSQL runs as the postgres user when this runs as root.
        dataDir = Path.Combine("/tmp", "fkj-bench-http-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dataDir);
        File.SetUnixFileMode(dataDir, (UnixFileMode)0b111_101_101);
        app = CdrServer.Build(["serve", "--port", "0", "--data-dir", dataDir, "--log-format", "simple"]);
        app.StartAsync().GetAwaiter().GetResult();
        app.Services.GetRequiredService<SnomedCatalog>().Replace(index);
        client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };

        var random = new Random(1);
        var active = new EclEvaluator(index).Evaluate("*").ToIds();
        concepts = Enumerable.Range(0, 512).Select(_ => active[random.Next(active.Length)]).ToArray();
        var words = new Regex("[\\p{L}\\p{N}]+");
        var q = new List<string>();
        while (q.Count < 512)
        {
            var tokens = words.Matches(index.PreferredTerm(active[random.Next(active.Length)]) ?? "").Select(m => m.Value.ToLowerInvariant()).ToList();
            if (tokens.Count == 0) continue;
            var first = tokens[random.Next(tokens.Count)];
            var query = first[..Math.Min(first.Length, 3 + random.Next(4))];
            if (tokens.Count > 1 && random.Next(2) == 0)
            {
                var second = tokens[random.Next(tokens.Count)];
                query += " " + second[..Math.Min(second.Length, 3 + random.Next(3))];
            }

            q.Add(Uri.EscapeDataString(query));
        }

        queries = [.. q];
        using var check = client.GetAsync("/terminology/snomed/search?term=" + queries[0]).GetAwaiter().GetResult();
        if (!check.IsSuccessStatusCode) throw new InvalidOperationException($"search answered {(int)check.StatusCode}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        client.Dispose();
        app.StopAsync().GetAwaiter().GetResult();
        app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private int Next(int length) => next = (next + 1) % length;

    private int Get(string path)
    {
        using var response = client.GetAsync(path).GetAwaiter().GetResult();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}");
        return response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult().Length;
    }

    [Benchmark(Baseline = true)]
    public int HttpConcept() => Get("/terminology/snomed/concepts/" + concepts[Next(concepts.Length)]);

    [Benchmark]
    public int HttpSearch10() => Get("/terminology/snomed/search?term=" + queries[Next(queries.Length)]);

    [Benchmark]
    public int FhirExpandFilter10() =>
        Get("/fhir/r4/ValueSet/$expand?url=http%3A%2F%2Fsnomed.info%2Fsct%3Ffhir_vs&count=10&filter=" + queries[Next(queries.Length)]);
}
