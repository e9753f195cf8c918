using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Fkj.Cdr.Load.Tests.Support;

/// <summary>
/// A stand-in for the CDR's EHR and composition endpoints as ITS-REST 1.0.3 describes them, on 127.0.0.1
/// and a free port: POST /ehr and POST .../composition answer 201 with Location and ETag; GET by version
/// uid or versioned object id answers the stored JSON. Every <c>refuseEvery</c>-th commit is a 503 with
/// Retry-After. It counts what it saw, so tests can check what the harness sent.
/// </summary>
public sealed class FakeCdrServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, byte> _ehrs = new();
    private readonly ConcurrentDictionary<string, (string EhrId, string Json)> _versions = new();
    private long _commits;
    private int _inFlight;
    private int _highestInFlight;
    private long _readsByVersionUid;
    private long _readsByObjectId;

    private readonly ConcurrentQueue<(string Query, Dictionary<string, string> Parameters, bool Explain)> _queries = new();

    private FakeCdrServer(int refuseEvery, bool withEhrEndpoint, Func<string, IReadOnlyDictionary<string, string>, bool, string?>? aql = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Use(async (context, next) =>
        {
            var now = Interlocked.Increment(ref _inFlight);
            int seen;
            while ((seen = Volatile.Read(ref _highestInFlight)) < now && Interlocked.CompareExchange(ref _highestInFlight, now, seen) != seen)
            {
            }
            try
            {
                await next(context);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        });
        if (withEhrEndpoint)
        {
            _app.MapPost("/openehr/v1/ehr", (HttpContext context) =>
            {
                var id = Guid.NewGuid().ToString();
                _ehrs[id] = 0;
                context.Response.Headers.Location = $"/openehr/v1/ehr/{id}";
                context.Response.Headers.ETag = $"\"{id}\"";
                return Results.StatusCode(201);
            });
        }
        _app.MapPost("/openehr/v1/ehr/{ehrId}/composition", async (string ehrId, HttpContext context) =>
        {
            if (!_ehrs.ContainsKey(ehrId))
            {
                return Results.NotFound();
            }
            if (context.Request.ContentType != "application/json" || context.Request.Headers["Prefer"] != "return=minimal")
            {
                return Results.StatusCode(415);
            }
            using var reader = new StreamReader(context.Request.Body);
            var json = await reader.ReadToEndAsync();
            using (var doc = JsonDocument.Parse(json))
            {
                if (doc.RootElement.TryGetProperty("uid", out _)
                    || doc.RootElement.GetProperty("archetype_details").GetProperty("template_id").GetProperty("value").GetString() != "fkj.vital_signs_news2.v1")
                {
                    return Results.UnprocessableEntity();
                }
            }
            var n = Interlocked.Increment(ref _commits);
            if (refuseEvery > 0 && n % refuseEvery == 0)
            {
                context.Response.Headers.RetryAfter = "1";
                return Results.StatusCode(503);
            }
            var uid = $"{Guid.NewGuid()}::fake.cdr::1";
            _versions[uid] = (ehrId, json);
            context.Response.Headers.Location = $"/openehr/v1/ehr/{ehrId}/composition/{uid}";
            context.Response.Headers.ETag = $"\"{uid}\"";
            return Results.StatusCode(201);
        });
        if (aql is not null)
        {
            // POST /query/aql: q and query_parameters (strings) from the body, ?explain=true; the answer is the caller's, null a 400.
            _app.MapPost("/openehr/v1/query/aql", async (HttpContext context) =>
            {
                using var body = await JsonDocument.ParseAsync(context.Request.Body);
                var q = body.RootElement.GetProperty("q").GetString()!;
                var parameters = body.RootElement.TryGetProperty("query_parameters", out var p)
                    ? p.EnumerateObject().ToDictionary(e => e.Name, e => e.Value.GetString()!)
                    : [];
                var explain = context.Request.Query["explain"] == "true";
                _queries.Enqueue((q, parameters, explain));
                return aql(q, parameters, explain) is { } answer ? Results.Text(answer, "application/json") : Results.BadRequest();
            });
        }
        _app.MapGet("/openehr/v1/ehr/{ehrId}/composition/{uid}", (string ehrId, string uid) =>
        {
            var key = uid.Contains("::", StringComparison.Ordinal)
                ? uid
                : _versions.Keys.FirstOrDefault(k => k.StartsWith(uid + "::", StringComparison.Ordinal));
            if (key is not null && _versions.TryGetValue(key, out var stored) && stored.EhrId == ehrId)
            {
                if (uid.Contains("::", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref _readsByVersionUid);
                }
                else
                {
                    Interlocked.Increment(ref _readsByObjectId);
                }
                return Results.Text(stored.Json, "application/json");
            }
            return Results.NotFound();
        });
    }

    /// <summary>The AQL requests seen: query text, parameters, whether ?explain=true.</summary>
    public IReadOnlyList<(string Query, Dictionary<string, string> Parameters, bool Explain)> Queries => _queries.ToArray();

    public long ReadsByVersionUid => Interlocked.Read(ref _readsByVersionUid);

    public long ReadsByObjectId => Interlocked.Read(ref _readsByObjectId);

    public Uri Url => new(_app.Urls.Single().TrimEnd('/') + "/");

    public int EhrCount => _ehrs.Count;

    public int StoredCompositions => _versions.Count;

    public long CommitRequests => Interlocked.Read(ref _commits);

    public int HighestInFlight => Volatile.Read(ref _highestInFlight);

    /// <param name="aql">Answers POST /query/aql (query, parameters, explain) with a JSON body, or null for a 400; null: no such endpoint.</param>
    public static async Task<FakeCdrServer> StartAsync(int refuseEvery = 0, bool withEhrEndpoint = true,
        Func<string, IReadOnlyDictionary<string, string>, bool, string?>? aql = null)
    {
        var server = new FakeCdrServer(refuseEvery, withEhrEndpoint, aql);
        await server._app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
