using Fkj.Cdr.Server.Ehr;

namespace Fkj.Cdr.Server.Auditing;

/// <summary>
/// Who a patient-data audit record names: the authenticated user; until the API has authentication, the name
/// the client gives as committer (<c>openEHR-AUDIT_DETAILS.committer: name="..."</c>), marked as claimed;
/// otherwise <see cref="Actor.Anonymous"/>.
/// </summary>
public static class AuditActor
{
    public static string Of(HttpContext http)
    {
        var actor = Actor.Of(http);
        if (actor != Actor.Anonymous)
        {
            return actor;
        }
        return CommitHeaders.CommitterName(http.Request) is { Length: > 0 } name ? $"{name} (claimed, unauthenticated)" : Actor.Anonymous;
    }
}
