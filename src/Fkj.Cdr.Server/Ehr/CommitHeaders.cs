using System.Globalization;
using System.Text;
using Fkj.Cdr.Rm.Codecs.Json;
using Fkj.Cdr.Rm.Common;
using Fkj.Cdr.Rm.Identification;
using Fkj.Cdr.Server.Auditing;
using Fkj.Cdr.Server.Errors;
using Fkj.Cdr.Storage.Records;

namespace Fkj.Cdr.Server.Ehr;

/// <summary>The AUDIT_DETAILS and lifecycle state a commit records, besides the system id and change type.</summary>
/// <param name="Committer">AUDIT_DETAILS.committer.</param>
/// <param name="CommitterJson">The committer as compact canonical JSON, as the contribution table keeps it.</param>
/// <param name="Description">AUDIT_DETAILS.description, if the client gave one.</param>
/// <param name="LifecycleState">ORIGINAL_VERSION.lifecycle_state for a version that is not a deletion.</param>
/// <param name="Time">AUDIT_DETAILS.time_committed (to the microsecond, as PostgreSQL keeps it).</param>
public sealed record CommitInfo(PartyProxy Committer, string CommitterJson, string? Description, short LifecycleState, DateTimeOffset Time);

/// <summary>
/// Reads the commit headers of ITS-REST: <c>openEHR-AUDIT_DETAILS.committer</c>
/// (<c>name="Kari Nordmann", external_ref.id="...", external_ref.namespace="hpr", external_ref.type="PERSON"</c>),
/// <c>openEHR-AUDIT_DETAILS.description</c> (<c>value="..."</c>) and <c>openEHR-VERSION.lifecycle_state</c>
/// (<c>code_string="553"</c>). Without a committer header the committer is a PARTY_IDENTIFIED named after the
/// authenticated user (anonymous until the API has authentication).
/// </summary>
public static class CommitHeaders
{
    public const string Committer = "openEHR-AUDIT_DETAILS.committer";
    public const string Description = "openEHR-AUDIT_DETAILS.description";
    public const string LifecycleStateHeader = "openEHR-VERSION.lifecycle_state";

    /// <summary>The commit details of a write request, timed now.</summary>
    /// <exception cref="ApiException">400 for a header that does not parse.</exception>
    public static CommitInfo Read(HttpRequest request, DateTimeOffset now)
    {
        var committer = ReadCommitter(request) ?? new PartyIdentified { Name = Actor.Of(request.HttpContext) };
        var description = Single(request, Description) is { } d ? Pairs(d, Description).GetValueOrDefault("value") ?? d : null;
        var lifecycle = LifecycleState.Complete;
        if (Single(request, LifecycleStateHeader) is { } l)
        {
            var code = Pairs(l, LifecycleStateHeader).GetValueOrDefault("code_string") ?? l.Trim();
            lifecycle = code switch
            {
                "532" => LifecycleState.Complete,
                "553" => LifecycleState.Incomplete,
                _ => throw new ApiException(StatusCodes.Status400BadRequest, "invalid_header",
                    $"{LifecycleStateHeader}: '{code}' is not a lifecycle state of a new version (532 complete, 553 incomplete)."),
            };
        }
        var time = now.ToUniversalTime();
        time = new DateTimeOffset(time.Ticks - time.Ticks % 10, TimeSpan.Zero);
        return new CommitInfo(committer, Encoding.UTF8.GetString(CanonicalJson.Encode(committer)), description, lifecycle, time);
    }

    /// <summary>The committer's name from the committer header, or null.</summary>
    public static string? CommitterName(HttpRequest request)
    {
        try
        {
            return Single(request, Committer) is { } header ? Pairs(header, Committer).GetValueOrDefault("name") : null;
        }
        catch (ApiException)
        {
            return null;
        }
    }

    /// <summary>An ISO 8601 date-time in UTC to the microsecond, as DV_DATE_TIME values of commit times are written.</summary>
    public static string Iso(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static PartyIdentified? ReadCommitter(HttpRequest request)
    {
        if (Single(request, Committer) is not { } header)
        {
            return null;
        }
        var pairs = Pairs(header, Committer);
        var party = new PartyIdentified { Name = pairs.GetValueOrDefault("name") };
        if (pairs.TryGetValue("external_ref.id", out var id))
        {
            party.ExternalRef = new PartyRef
            {
                Id = Guid.TryParse(id, out _)
                    ? new HierObjectId { Value = id }
                    : new GenericId { Value = id, Scheme = pairs.GetValueOrDefault("external_ref.id_scheme") ?? "local" },
                Namespace = pairs.GetValueOrDefault("external_ref.namespace") ?? "local",
                Type = pairs.GetValueOrDefault("external_ref.type") ?? "PERSON",
            };
        }
        if (party.Name is null && party.ExternalRef is null)
        {
            throw new ApiException(StatusCodes.Status400BadRequest, "invalid_header",
                $"{Committer} names no committer: give name=\"...\" and/or external_ref.id=\"...\".");
        }
        return party;
    }

    private static string? Single(HttpRequest request, string name)
    {
        var values = request.Headers[name];
        return values.Count == 0 ? null : string.Join(", ", values.Where(v => !string.IsNullOrWhiteSpace(v)));
    }

    /// <summary>Reads <c>key="value", key2="value 2"</c> (values in double quotes, which may hold commas; \" escapes a quote).</summary>
    private static Dictionary<string, string> Pairs(string header, string name)
    {
        var pairs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        while (i < header.Length)
        {
            while (i < header.Length && (header[i] == ',' || char.IsWhiteSpace(header[i]))) i++;
            if (i >= header.Length) break;
            var eq = header.IndexOf('=', i);
            if (eq < 0) throw Invalid(name, header);
            var key = header[i..eq].Trim();
            i = eq + 1;
            while (i < header.Length && char.IsWhiteSpace(header[i])) i++;
            var value = new StringBuilder();
            if (i < header.Length && header[i] == '"')
            {
                i++;
                while (i < header.Length && header[i] != '"')
                {
                    if (header[i] == '\\' && i + 1 < header.Length) i++;
                    value.Append(header[i++]);
                }
                if (i >= header.Length) throw Invalid(name, header);
                i++;
            }
            else
            {
                while (i < header.Length && header[i] != ',') value.Append(header[i++]);
            }
            if (key.Length == 0) throw Invalid(name, header);
            pairs[key] = value.ToString().Trim();
        }
        return pairs;
    }

    private static ApiException Invalid(string name, string header) =>
        new(StatusCodes.Status400BadRequest, "invalid_header", $"{name}: '{(header.Length > 100 ? header[..100] + "…" : header)}' is not a list of key=\"value\" pairs.");
}
