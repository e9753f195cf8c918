using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fkj.Cdr.Aql.Parsing;
using Fkj.Cdr.Server.Auditing;
using Fkj.Cdr.Server.Database;
using Fkj.Cdr.Server.Ehr;
using Fkj.Cdr.Server.Errors;
using Fkj.Cdr.Server.Hosting;
using Fkj.Cdr.Server.Http;
using Fkj.Cdr.Server.Tenancy;
using Fkj.Cdr.Storage.Queries;
using Microsoft.AspNetCore.Mvc;

namespace Fkj.Cdr.Server.Query;

/// <summary>
/// Stored queries (ITS-REST DEFINITION and QUERY): <c>PUT /definition/query/{qualified_name}[/{version}]</c> stores
/// an AQL text (the body, <c>text/plain</c>, or JSON <c>{"q": ...}</c>) under a name <c>namespace::name</c> and a
/// version <c>major.minor.patch</c> (without one, 1.0.0 or the next patch); <c>GET</c> of a name lists its versions,
/// of a version gives it; <c>GET</c>/<c>POST /query/{qualified_name}[/{version}]</c> runs it (the newest version when
/// none is named) with the parameters and page of an ad-hoc query. A stored version never changes (409 for other text).
/// </summary>
public static partial class StoredQueryEndpoints
{
    private static readonly StoredQueryStore Store = new();

    public static IEndpointRouteBuilder MapStoredQueries(this IEndpointRouteBuilder openEhr)
    {
        openEhr.MapPut("/definition/query/{qualified_name}", PutAsync);
        openEhr.MapPut("/definition/query/{qualified_name}/{version}", PutAsync);
        openEhr.MapGet("/definition/query/{qualified_name}", GetAsync);
        openEhr.MapGet("/definition/query/{qualified_name}/{version}", GetAsync);
        openEhr.MapGet("/query/{qualified_name}", RunGetAsync).Audited("query.stored");
        openEhr.MapGet("/query/{qualified_name}/{version}", RunGetAsync).Audited("query.stored");
        openEhr.MapPost("/query/{qualified_name}", RunPostAsync).Audited("query.stored");
        openEhr.MapPost("/query/{qualified_name}/{version}", RunPostAsync).Audited("query.stored");
        return openEhr;
    }

    [GeneratedRegex(@"^[A-Za-z0-9._-]+::[A-Za-z0-9._-]+$")]
    private static partial Regex QualifiedName();

    [GeneratedRegex(@"^[0-9]{1,9}\.[0-9]{1,9}\.[0-9]{1,9}$")]
    private static partial Regex Version();

    private static async Task PutAsync(HttpContext http, [FromRoute(Name = "qualified_name")] string name,
        RequestTenant tenant, DatabaseService databaseService, ServerOptions options, CancellationToken cancellationToken)
    {
        var version = http.Request.RouteValues["version"] as string;
        CheckName(name);
        if (version is not null) CheckVersion(version);
        var type = http.Request.Query["type"].ToString();
        if (type.Length > 0 && !string.Equals(type, "AQL", StringComparison.OrdinalIgnoreCase))
        {
            throw new ApiException(StatusCodes.Status400BadRequest, "bad_request", $"Only AQL queries are stored (type '{type}').");
        }
        var body = await RequestBody.ReadAsync(http.Request, options.MaxBodySize, "query", "--max-body-size", cancellationToken);
        var text = Encoding.UTF8.GetString(body);
        if (http.Request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                using var json = JsonDocument.Parse(body);
                text = json.RootElement.TryGetProperty("q", out var q) && q.ValueKind == JsonValueKind.String ? q.GetString()! : "";
            }
            catch (JsonException e)
            {
                throw new ApiException(StatusCodes.Status400BadRequest, "invalid_json", $"The body is not JSON: {e.Message}");
            }
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ApiException(StatusCodes.Status400BadRequest, "invalid_aql", "The body holds no query.");
        }
        if (!AqlParser.TryParse(text, out _, out var error))
        {
            throw new ApiException(StatusCodes.Status400BadRequest, "invalid_aql", error.ToString(),
                [new ErrorIssue("aql_syntax", error.Message, null, error.Line, error.Column)]);
        }

        var database = databaseService.Require();
        await using var tx = await database.BeginAsync(tenant.Id, cancellationToken);
        if (version is null)
        {
            var newest = (await Store.ListAsync(tx, name, cancellationToken)).FirstOrDefault();
            version = newest is null ? "1.0.0" : $"{newest.VersionNumbers.Item1}.{newest.VersionNumbers.Item2}.{newest.VersionNumbers.Item3 + 1}";
        }
        var stored = new StoredQuery(name, version, "AQL", text, DateTimeOffset.UtcNow);
        var outcome = await Store.AddAsync(tx, stored, cancellationToken);
        if (outcome == StoredQueryOutcome.Conflict)
        {
            throw new ApiException(StatusCodes.Status409Conflict, "stored_query_conflict",
                $"{name} version {version} is stored with other text; a stored version never changes: store a new version.");
        }
        await tx.CommitAsync(cancellationToken);
        http.Response.StatusCode = outcome == StoredQueryOutcome.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK;
        http.Response.Headers.Location = OpenEhrHttp.Location(http, $"/definition/query/{name}/{version}");
    }

    private static async Task GetAsync(HttpContext http, [FromRoute(Name = "qualified_name")] string name,
        RequestTenant tenant, DatabaseService databaseService, CancellationToken cancellationToken)
    {
        var version = http.Request.RouteValues["version"] as string;
        CheckName(name);
        var versions = await ListAsync(databaseService, tenant.Id, name, cancellationToken);
        await using var buffer = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(buffer))
        {
            if (version is null)
            {
                if (versions.Count == 0) throw NotFound(name, null);
                writer.WriteStartObject();
                writer.WriteStartArray("versions");
                foreach (var q in versions) Write(writer, q);
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            else
            {
                Write(writer, Pick(versions, name, version));
            }
        }
        await OpenEhrHttp.WriteBytesAsync(http.Response, "application/json", buffer.ToArray(), cancellationToken);
    }

    private static async Task RunGetAsync(HttpContext http, [FromRoute(Name = "qualified_name")] string name,
        RequestTenant tenant, DatabaseService databaseService, AqlService service, AuditScope scope, CancellationToken cancellationToken)
    {
        var version = http.Request.RouteValues["version"] as string;
        var stored = await ResolveAsync(databaseService, tenant.Id, name, version, cancellationToken);
        await QueryEndpoints.RunAsync(http, tenant, service, scope, AqlRequest.FromQueryString(http.Request).WithQuery(stored.Text), cancellationToken,
            $"{stored.QualifiedName}/{stored.Version}");
    }

    private static async Task RunPostAsync(HttpContext http, [FromRoute(Name = "qualified_name")] string name,
        RequestTenant tenant, DatabaseService databaseService, AqlService service, AuditScope scope, ServerOptions options, CancellationToken cancellationToken)
    {
        var version = http.Request.RouteValues["version"] as string;
        var stored = await ResolveAsync(databaseService, tenant.Id, name, version, cancellationToken);
        var request = http.Request.ContentLength is 0 or null && !http.Request.Headers.ContainsKey("Transfer-Encoding")
            ? AqlRequest.FromQueryString(http.Request)
            : await AqlRequest.FromBodyAsync(http.Request, options.MaxBodySize, cancellationToken);
        await QueryEndpoints.RunAsync(http, tenant, service, scope, request.WithQuery(stored.Text), cancellationToken, $"{stored.QualifiedName}/{stored.Version}");
    }

    private static async Task<StoredQuery> ResolveAsync(DatabaseService databaseService, string tenantId, string name, string? version, CancellationToken cancellationToken)
    {
        CheckName(name);
        var versions = await ListAsync(databaseService, tenantId, name, cancellationToken);
        return version is null ? versions.FirstOrDefault() ?? throw NotFound(name, null) : Pick(versions, name, version);
    }

    private static async Task<IReadOnlyList<StoredQuery>> ListAsync(DatabaseService databaseService, string tenantId, string name, CancellationToken cancellationToken)
    {
        var database = databaseService.Require();
        await using var tx = await database.BeginAsync(tenantId, cancellationToken);
        return await Store.ListAsync(tx, name, cancellationToken);
    }

    /// <summary>A version by its full number, or the newest one of a prefix (<c>1</c>, <c>1.2</c>).</summary>
    private static StoredQuery Pick(IReadOnlyList<StoredQuery> versions, string name, string version) =>
        versions.FirstOrDefault(q => q.Version == version || q.Version.StartsWith(version + ".", StringComparison.Ordinal)) ?? throw NotFound(name, version);

    private static void Write(Utf8JsonWriter writer, StoredQuery query)
    {
        writer.WriteStartObject();
        writer.WriteString("name", query.QualifiedName);
        writer.WriteString("type", query.Type);
        writer.WriteString("version", query.Version);
        writer.WriteString("saved", query.Saved.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        writer.WriteString("q", query.Text);
        writer.WriteEndObject();
    }

    private static void CheckName(string name)
    {
        if (!QualifiedName().IsMatch(name))
        {
            throw new ApiException(StatusCodes.Status400BadRequest, "bad_request", $"'{name}' is not a qualified query name (namespace::name, e.g. org.example::blood_pressure).");
        }
    }

    private static void CheckVersion(string version)
    {
        if (!Version().IsMatch(version))
        {
            throw new ApiException(StatusCodes.Status400BadRequest, "bad_request", $"'{version}' is not a version (major.minor.patch, e.g. 1.0.0).");
        }
    }

    private static ApiException NotFound(string name, string? version) => new(StatusCodes.Status404NotFound, "query_not_found",
        version is null ? $"No query is stored as {name}." : $"No version {version} of {name} is stored.");
}
