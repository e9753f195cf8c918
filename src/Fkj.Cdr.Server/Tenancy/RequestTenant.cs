namespace Fkj.Cdr.Server.Tenancy;

/// <summary>
/// The tenant of the current request, as the <see cref="TenantFilter"/> resolved it. Registered per
/// request (scoped): a handler of a tenant route takes it as a parameter and reads <see cref="Id"/>.
/// </summary>
public sealed class RequestTenant
{
    private string? _id;

    /// <summary>The tenant's id; every query of tenant data runs in this tenant.</summary>
    /// <exception cref="InvalidOperationException">The route has no <see cref="TenantFilter"/>.</exception>
    public string Id => _id ?? throw new InvalidOperationException(
        "No tenant was resolved for this request: map the endpoint in a group with the tenant filter (WithTenant).");

    internal void Set(string id) => _id = id;
}
