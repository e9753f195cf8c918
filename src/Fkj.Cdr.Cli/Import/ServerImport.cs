using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using Fkj.Cdr.Cli.Generate;
using Fkj.Cdr.Rm.Codecs;
using Fkj.Cdr.Rm.Codecs.Json;
using Fkj.Cdr.Rm.Meta;
using Fkj.Cdr.Rm.Records;
using Fkj.Cdr.Server.Ehr;
using Fkj.Cdr.Server.Errors;
using Fkj.Cdr.Templates.Flat;
using Fkj.Cdr.Templates.Opt.Parsing;
using Fkj.Cdr.Templates.WebTemplates;

namespace Fkj.Cdr.Cli.Import;

/// <summary>What an import through the REST API did besides storing: how often the server said it was at capacity.</summary>
public sealed record ServerImportResult(double Seconds, long Requests, long Overloaded);

/// <summary>
/// Imports a population into a running server through its REST API, which validates, indexes and audits every
/// composition itself: each EHR by <c>POST /ehr</c> with its EHR_STATUS (or, when its subject has one already, found
/// by <c>GET /ehr?subject_id=...</c>), then its compositions as contributions of <c>--batch</c> versions
/// (<c>POST /ehr/{ehr_id}/contribution</c>), <c>--writers</c> EHRs at a time.
/// </summary>
/// <remarks>
/// Re-runs store nothing twice: each contribution's uid and each version's object id are named after the EHR and the
/// files (<see cref="ImportIds"/>), so a contribution sent before is answered 409 <c>contribution_exists</c>, and one
/// holding a composition stored before 409 <c>object_exists</c>, after which the stored ones are looked up and the rest
/// sent again. A contribution refused for some of its compositions (400, 422) names them by their index in the body;
/// those are reported with their file and their problems' paths, and the rest are sent again. A 503 or 429 (the server
/// sheds load beyond its queue) is waited out as its Retry-After says, then the request is sent again; a failed
/// connection or another 5xx is retried a few times.
/// </remarks>
public sealed partial class ServerImport(ImportOptions options, PopulationSource source, ImportProgress progress, ImportProblems problems)
{
    private const int Retries = 5;
    private const string OpenEhr = "openehr/v1";

    [GeneratedRegex(@"^/versions/(\d+)(/data)?")]
    private static partial Regex VersionPath();

    private HttpClient _http = null!;
    private WebTemplate? _webTemplate;
    private long _requests;
    private long _overloaded;

    public async Task<ServerImportResult> RunAsync(CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Writers, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1) };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(options.Url + "/"), Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Add("X-Tenant", options.Tenant);
        http.DefaultRequestHeaders.Add(CommitHeaders.Committer, $"name=\"{options.Committer.Replace("\"", "\\\"", StringComparison.Ordinal)}\"");
        _http = http;

        await CheckServerAsync(cancellationToken);
        progress.Restart();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var ehrs = Channel.CreateBounded<int>(options.Writers * 2);
        using var failure = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var feed = Task.Run(async () =>
        {
            try
            {
                for (var n = 1; n <= source.Ehrs; n++)
                {
                    await ehrs.Writer.WriteAsync(n, failure.Token);
                }
            }
            finally
            {
                ehrs.Writer.TryComplete();
            }
        }, failure.Token);
        var workers = Enumerable.Range(0, options.Writers).Select(_ => Task.Run(async () =>
        {
            try
            {
                await foreach (var n in ehrs.Reader.ReadAllAsync(failure.Token))
                {
                    await ImportEhrAsync(n, failure.Token);
                }
            }
            catch
            {
                await failure.CancelAsync();
                throw;
            }
        }, failure.Token)).ToArray();
        try
        {
            await Task.WhenAll([feed, .. workers]);
        }
        catch when (workers.FirstOrDefault(w => w.IsFaulted && w.Exception!.InnerException is not OperationCanceledException) is { } failed
            && !cancellationToken.IsCancellationRequested)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failed.Exception!.InnerException!);
        }
        return new ServerImportResult(clock.Elapsed.TotalSeconds, Interlocked.Read(ref _requests), Interlocked.Read(ref _overloaded));
    }

    /// <summary>The server answers, and has the template (whose web template FLAT files are read along).</summary>
    private async Task CheckServerAsync(CancellationToken cancellationToken)
    {
        Answer health;
        try
        {
            health = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, "health"), cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new ImportException($"no server answers at {options.Url}: {e.Message}", e);
        }
        if (health.Status != 200)
        {
            throw new ImportException($"the server at {options.Url} is not ready: GET /health answered {health.Status}");
        }
        var template = await SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"{OpenEhr}/definition/template/adl1.4/{Uri.EscapeDataString(source.TemplateId)}");
            request.Headers.Accept.ParseAdd("application/xml");
            return request;
        }, cancellationToken);
        if (template.Status != 200)
        {
            throw new ImportException($"tenant '{options.Tenant}' of {options.Url} has no template {source.TemplateId} ({template.Status} {template.Error?.Code}): upload it first (POST /openehr/v1/definition/template/adl1.4)");
        }
        if (source.Format == CompositionFormat.Flat)
        {
            _webTemplate = WebTemplateBuilder.Build(OptParser.Parse(template.Body));
        }
    }

    private async Task ImportEhrAsync(int n, CancellationToken cancellationToken)
    {
        var file = PopulationSource.EhrFile(n);
        var ehrId = await CreateOrFindEhrAsync(file, cancellationToken);
        if (ehrId is not { } id)
        {
            return;
        }
        for (var first = 1; first <= source.CompositionsPerEhr; first += options.Batch)
        {
            var parts = new List<ContributionPart>();
            for (var k = first; k <= Math.Min(source.CompositionsPerEhr, first + options.Batch - 1); k++)
            {
                var composition = PopulationSource.CompositionFile(n, k);
                if (await ReadCompositionAsync(composition, cancellationToken) is { } json)
                {
                    parts.Add(new ContributionPart(composition, ImportIds.Composition(id, composition), json));
                }
            }
            await CommitAsync(id, parts, cancellationToken);
        }
    }

    /// <summary>The EHR of the file's subject: created by POST /ehr, or found by its subject when it has one already; null when refused.</summary>
    private async Task<Guid?> CreateOrFindEhrAsync(string file, CancellationToken cancellationToken)
    {
        var refusedAll = $"Its {source.CompositionsPerEhr} compositions are not imported.";
        byte[] body;
        try
        {
            body = await File.ReadAllBytesAsync(source.FullPath(file), cancellationToken);
        }
        catch (IOException e)
        {
            problems.Add(new ImportProblem(file, 0, "unreadable", $"{e.Message} {refusedAll}", []), source.CompositionsPerEhr);
            return null;
        }
        var created = await SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"{OpenEhr}/ehr") { Content = Json(body) };
            request.Headers.Add("Prefer", "return=minimal");
            return request;
        }, cancellationToken);
        if (created.Status == 201 && EtagGuid(created) is { } id)
        {
            progress.AddEhrsCreated(1);
            return id;
        }
        if (created.Status == 409 && created.Error?.Code == "subject_has_ehr")
        {
            var subject = EhrStatusRules.Subject((EhrStatus)CanonicalJson.Decode(body, RmModel.Of<EhrStatus>()))!;
            var found = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get,
                $"{OpenEhr}/ehr?subject_id={Uri.EscapeDataString(subject.Id)}&subject_namespace={Uri.EscapeDataString(subject.Namespace)}"), cancellationToken);
            if (found.Status == 200 && EtagGuid(found) is { } existing)
            {
                return existing;
            }
            created = found;
        }
        problems.Add(Refusal(file, created) with { Message = $"{Refusal(file, created).Message} {refusedAll}" }, source.CompositionsPerEhr);
        return null;
    }

    /// <summary>A composition file as canonical JSON (FLAT converted along the template's web template); null when refused.</summary>
    private async Task<byte[]?> ReadCompositionAsync(string file, CancellationToken cancellationToken)
    {
        try
        {
            var bytes = await File.ReadAllBytesAsync(source.FullPath(file), cancellationToken);
            if (_webTemplate is null)
            {
                return bytes;
            }
            try
            {
                return CanonicalJson.Encode(FlatComposition.Decode(bytes, _webTemplate));
            }
            catch (RmFormatException e)
            {
                throw EhrErrors.InvalidBody("composition", e);
            }
        }
        catch (ApiException e)
        {
            problems.Add(ImportProblem.Of(file, e));
        }
        catch (IOException e)
        {
            problems.Add(new ImportProblem(file, 0, "unreadable", e.Message, []));
        }
        return null;
    }

    /// <summary>Commits the parts as one contribution; what the server refuses is reported, what it had already is skipped.</summary>
    private async Task CommitAsync(Guid ehrId, List<ContributionPart> parts, CancellationToken cancellationToken)
    {
        while (parts.Count > 0)
        {
            var body = ContributionBody.Write(ImportIds.Contribution(ehrId, parts.Select(p => p.File)), parts, options.Committer);
            var answer = await SendAsync(() =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, $"{OpenEhr}/ehr/{ehrId:D}/contribution") { Content = Json(body) };
                request.Headers.Add("Prefer", "return=minimal");
                return request;
            }, cancellationToken);
            switch (answer.Status, answer.Error?.Code)
            {
                case (201, _):
                    progress.AddStored(parts.Count);
                    return;
                case (409, "contribution_exists"):
                    progress.AddSkipped(parts.Count);
                    return;
                case (409, "object_exists"):
                    var stored = new List<ContributionPart>();
                    foreach (var part in parts)
                    {
                        var found = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, $"{OpenEhr}/ehr/{ehrId:D}/versioned_composition/{part.ObjectId:D}"), cancellationToken);
                        if (found.Status == 200) stored.Add(part);
                    }
                    if (stored.Count == 0)
                    {
                        break;
                    }
                    progress.AddSkipped(stored.Count);
                    parts = parts.Except(stored).ToList();
                    continue;
                case (400 or 422, _):
                    var refused = RefusedParts(parts, answer);
                    if (refused.Count == 0)
                    {
                        break;
                    }
                    foreach (var (part, problem) in refused)
                    {
                        problems.Add(problem);
                    }
                    parts = parts.Except(refused.Select(r => r.Part)).ToList();
                    continue;
            }
            foreach (var part in parts)
            {
                problems.Add(Refusal(part.File, answer));
            }
            return;
        }
    }

    /// <summary>The parts a 400 or 422 names by their index in the body, each with its issues at their paths in the composition.</summary>
    private static List<(ContributionPart Part, ImportProblem Problem)> RefusedParts(List<ContributionPart> parts, Answer answer)
    {
        var error = answer.Error;
        if (error is null)
        {
            return [];
        }
        var byIndex = new SortedDictionary<int, List<ErrorIssue>>();
        foreach (var issue in error.Issues)
        {
            var match = VersionPath().Match(issue.Path ?? "");
            if (!match.Success || !int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= parts.Count)
            {
                return [];
            }
            var rest = (issue.Path ?? "")[match.Length..];
            (byIndex.TryGetValue(index, out var list) ? list : byIndex[index] = []).Add(issue with { Path = rest.Length == 0 ? "/" : rest });
        }
        return byIndex.Select(kv => (parts[kv.Key], new ImportProblem(parts[kv.Key].File, answer.Status, error.Code,
            $"The server refused it: {kv.Value[0].Message}", kv.Value))).ToList();
    }

    private static ImportProblem Refusal(string file, Answer answer) => answer.Error is { } e
        ? new ImportProblem(file, answer.Status, e.Code, e.Message, e.Issues)
        : new ImportProblem(file, answer.Status, "http_" + answer.Status.ToString(CultureInfo.InvariantCulture), $"The server answered {answer.Status}.", []);

    private static Guid? EtagGuid(Answer answer) =>
        answer.ETag is { } tag && Guid.TryParse(tag.Trim('"'), out var id) ? id : null;

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    /// <summary>An answer: status, ETag, body, and the error it reports (for a status of 400 or more).</summary>
    private sealed record Answer(int Status, string? ETag, byte[] Body, ApiError? Error);

    private sealed record ApiError(string Code, string Message, IReadOnlyList<ErrorIssue> Issues);

    /// <summary>
    /// Sends a request (made afresh for each attempt) until it has an answer: a 503 or 429 is waited out for its
    /// Retry-After (1 s when it gives none) and sent again, as long as it takes; a failed connection, a timeout or another
    /// 5xx is sent again up to <see cref="Retries"/> times, waiting longer each time.
    /// </summary>
    private async Task<Answer> SendAsync(Func<HttpRequestMessage> make, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                Interlocked.Increment(ref _requests);
                response = await _http.SendAsync(make(), cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested && attempt < Retries)
            {
                await Task.Delay(TimeSpan.FromSeconds(attempt), cancellationToken);
                continue;
            }
            using (response)
            {
                var status = (int)response.StatusCode;
                if (response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests && response.Headers.RetryAfter is { } retryAfter)
                {
                    Interlocked.Increment(ref _overloaded);
                    var wait = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - DateTimeOffset.UtcNow : TimeSpan.FromSeconds(1));
                    await Task.Delay(wait < TimeSpan.Zero ? TimeSpan.Zero : wait > TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : wait, cancellationToken);
                    attempt = 0;
                    continue;
                }
                if (status >= 500 && attempt < Retries)
                {
                    await Task.Delay(TimeSpan.FromSeconds(attempt), cancellationToken);
                    continue;
                }
                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                return new Answer(status, response.Headers.ETag?.Tag, body, status >= 400 ? ReadError(body) : null);
            }
        }
    }

    /// <summary>The API's error body (status, code, message, path, issues), or null when the body is not one.</summary>
    private static ApiError? ReadError(byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("code", out var code))
            {
                return null;
            }
            var issues = new List<ErrorIssue>();
            if (root.TryGetProperty("issues", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var issue in list.EnumerateArray())
                {
                    issues.Add(new ErrorIssue(Text(issue, "code") ?? "", Text(issue, "message") ?? "", Text(issue, "path")));
                }
            }
            if (issues.Count == 0 && Text(root, "path") is { } path)
            {
                issues.Add(new ErrorIssue(code.GetString() ?? "", Text(root, "message") ?? "", path));
            }
            return new ApiError(code.GetString() ?? "", Text(root, "message") ?? "", issues);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
