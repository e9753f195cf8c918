using Fkj.Cdr.Server.Errors;

namespace Fkj.Cdr.Server.Tenancy;

/// <summary>
/// Resolves the tenant of a request from the <c>X-Tenant</c> header (<c>default</c> when absent) before the
/// handler runs: a tenant that is not in the tenant table is a 400 <c>unknown_tenant</c>. Applied to a route
/// group with <see cref="WithTenant"/>; handlers read the result from <see cref="RequestTenant"/>.
/// </summary>
/// <remarks>
/// The header is the whole of tenant selection for now. When authentication comes, the tenant will come
/// from the caller's token and this filter is the one place that changes.
/// </remarks>
public sealed class TenantFilter : IEndpointFilter
{
    public const string HeaderName = "X-Tenant";

    public const string DefaultTenant = "default";

    /// <summary>Longer header values are refused without a query.</summary>
    public const int MaxLength = 100;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        // Repeated headers may arrive as several values or joined with commas; tenant ids have no commas.
        var values = http.Request.Headers[HeaderName].SelectMany(v => (v ?? "").Split(',')).ToList();
        if (values.Count > 1)
        {
            throw new ApiException(StatusCodes.Status400BadRequest, "bad_request", $"Send one {HeaderName} header with one tenant, not {values.Count}.");
        }
        var tenantId = values.Count == 0 ? DefaultTenant : values[0].Trim();
        if (tenantId.Length == 0)
        {
            throw new ApiException(StatusCodes.Status400BadRequest, "bad_request", $"The {HeaderName} header is empty; leave it out for the default tenant.");
        }
        if (tenantId.Length > MaxLength || !await http.RequestServices.GetRequiredService<TenantDirectory>().ExistsAsync(tenantId, http.RequestAborted))
        {
            throw new ApiException(StatusCodes.Status400BadRequest, "unknown_tenant",
                $"There is no tenant '{(tenantId.Length > MaxLength ? tenantId[..MaxLength] + "…" : tenantId)}' ({HeaderName} header).");
        }
        http.RequestServices.GetRequiredService<RequestTenant>().Set(tenantId);
        return await next(context);
    }
}

/// <summary>Puts the routes of a group under <see cref="TenantFilter"/>.</summary>
public static class TenantRouteExtensions
{
    public static TBuilder WithTenant<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, TenantFilter>();
}
