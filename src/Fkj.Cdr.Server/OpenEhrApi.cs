using Fkj.Cdr.Server.Definitions;
using Fkj.Cdr.Server.Ehr;
using Fkj.Cdr.Server.Query;
using Fkj.Cdr.Server.Tenancy;

namespace Fkj.Cdr.Server;

/// <summary>The openEHR REST API (ITS-REST 1.0.3) below <see cref="BasePath"/>; every route in it is tenant-scoped.</summary>
public static class OpenEhrApi
{
    public const string BasePath = "/openehr/v1";

    public static IEndpointRouteBuilder MapOpenEhr(this IEndpointRouteBuilder endpoints)
    {
        var openEhr = endpoints.MapGroup(BasePath).WithTenant();
        openEhr.MapTemplateDefinitions();
        openEhr.MapEhr();
        openEhr.MapQuery();
        return endpoints;
    }
}
