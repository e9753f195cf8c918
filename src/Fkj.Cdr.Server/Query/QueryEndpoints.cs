using Fkj.Cdr.Server.Auditing;
using Fkj.Cdr.Server.Hosting;
using Fkj.Cdr.Server.Tenancy;

namespace Fkj.Cdr.Server.Query;

/// <summary>
/// The QUERY API of ITS-REST below the tenant group: <c>GET</c> and <c>POST /query/aql</c> run an AQL query and
/// answer a result set; <c>?explain=true</c> (an extension of this server) answers the generated SQL and
/// PostgreSQL's plan with timings instead. Every query is audited (<c>query.aql</c>), with its text and how many
/// EHRs it touched.
/// </summary>
public static class QueryEndpoints
{
    public static IEndpointRouteBuilder MapQuery(this IEndpointRouteBuilder openEhr)
    {
        openEhr.MapGet("/query/aql", GetAsync).Audited("query.aql");
        openEhr.MapPost("/query/aql", PostAsync).Audited("query.aql");
        openEhr.MapStoredQueries();
        return openEhr;
    }

    private static Task GetAsync(HttpContext http, RequestTenant tenant, AqlService service, AuditScope scope, CancellationToken cancellationToken) =>
        RunAsync(http, tenant, service, scope, AqlRequest.FromQueryString(http.Request), cancellationToken);

    private static async Task PostAsync(HttpContext http, RequestTenant tenant, AqlService service, AuditScope scope, ServerOptions options, CancellationToken cancellationToken)
    {
        var request = await AqlRequest.FromBodyAsync(http.Request, options.MaxBodySize, cancellationToken);
        await RunAsync(http, tenant, service, scope, request, cancellationToken);
    }

    internal static Task RunAsync(HttpContext http, RequestTenant tenant, AqlService service, AuditScope scope, AqlRequest request,
        CancellationToken cancellationToken, string? name = null)
    {
        scope.Details = request.Query is { } q ? $"aql: {(q.Length > 2000 ? q[..2000] + "…" : q)}" : null;
        return string.Equals(http.Request.Query["explain"], "true", StringComparison.OrdinalIgnoreCase)
            ? service.ExplainAsync(http, tenant.Id, request, scope, cancellationToken)
            : service.ExecuteAsync(http, tenant.Id, request, scope, name, cancellationToken);
    }
}
