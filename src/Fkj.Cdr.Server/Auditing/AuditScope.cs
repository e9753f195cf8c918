namespace Fkj.Cdr.Server.Auditing;

/// <summary>
/// What the audit record of the current request says, filled in as the request goes: the <see cref="AuditFilter"/>
/// sets the action and the EHR from the route, the services add the object and version they touch and write
/// the record of a success in their own transaction (<see cref="Recorded"/>); the filter writes the record of a
/// refusal or failure. Registered per request (scoped).
/// </summary>
public sealed class AuditScope
{
    /// <summary>The action, such as <c>composition.read</c>; empty outside an audited endpoint.</summary>
    public string Action { get; set; } = "";

    /// <summary>The EHR the request named; <see cref="Guid.Empty"/> when none (or none that parses).</summary>
    public Guid EhrId { get; set; }

    /// <summary>The EHR id as the request wrote it, when it did not parse as one.</summary>
    public string? UnparsedEhrId { get; set; }

    public Guid? ObjectId { get; set; }

    public int? Version { get; set; }

    /// <summary>More for the record: what was searched for, which representation was returned.</summary>
    public string? Details { get; set; }

    /// <summary>Whether the record of this request has been written (in the request's transaction).</summary>
    public bool Recorded { get; set; }
}
