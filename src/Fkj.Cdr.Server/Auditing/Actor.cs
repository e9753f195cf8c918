using System.Security.Claims;

namespace Fkj.Cdr.Server.Auditing;

/// <summary>
/// Who is making a request, as audit logs and uploaded_by columns record it: the authenticated user's name,
/// or <see cref="Anonymous"/> while the API has no authentication. The server's own work is <see cref="System"/>.
/// </summary>
public static class Actor
{
    public const string Anonymous = "anonymous";

    public const string System = "system";

    public static string Of(HttpContext context) => Of(context.User);

    public static string Of(ClaimsPrincipal? user) =>
        user?.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : Anonymous;
}
