namespace Fkj.Cdr.Aql.Compilation;

/// <summary>
/// The openEHR terminology groups whose codes the storage keeps as numbers (object_version.change_type and
/// lifecycle_state), with their rubrics, for <c>v/commit_audit/change_type/value</c> and <c>v/lifecycle_state/value</c>.
/// </summary>
public static class OpenEhrTerms
{
    /// <summary>Group "audit change type".</summary>
    public static readonly IReadOnlyDictionary<int, string> ChangeTypes = new Dictionary<int, string>
    {
        [249] = "creation", [250] = "amendment", [251] = "modification", [252] = "synthesis", [253] = "unknown", [523] = "deleted", [666] = "attestation",
    };

    /// <summary>Group "version lifecycle state".</summary>
    public static readonly IReadOnlyDictionary<int, string> LifecycleStates = new Dictionary<int, string>
    {
        [532] = "complete", [553] = "incomplete", [523] = "deleted", [800] = "inactive", [801] = "abandoned",
    };
}
