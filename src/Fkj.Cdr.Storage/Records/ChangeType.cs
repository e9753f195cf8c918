namespace Fkj.Cdr.Storage.Records;

/// <summary>
/// Codes of the openEHR terminology group "audit change type" (AUDIT_DETAILS.change_type), stored as smallint
/// in contribution.change_type and object_version.change_type.
/// </summary>
public static class ChangeType
{
    public const short Creation = 249;
    public const short Amendment = 250;
    public const short Modification = 251;
    public const short Synthesis = 252;
    public const short Unknown = 253;
    public const short Deleted = 523;
    public const short Attestation = 666;

    /// <summary>The rubric of a code, as the openEHR terminology writes it.</summary>
    public static string Rubric(short code) => code switch
    {
        Creation => "creation",
        Amendment => "amendment",
        Modification => "modification",
        Synthesis => "synthesis",
        Deleted => "deleted",
        Attestation => "attestation",
        _ => "unknown",
    };
}

/// <summary>Codes of the openEHR terminology group "version lifecycle state" (ORIGINAL_VERSION.lifecycle_state).</summary>
public static class LifecycleState
{
    public const short Complete = 532;
    public const short Incomplete = 553;
    public const short Deleted = 523;

    public static string Rubric(short code) => code switch
    {
        Complete => "complete",
        Incomplete => "incomplete",
        Deleted => "deleted",
        _ => "unknown",
    };
}

/// <summary>The RM types of versioned objects (versioned_object.rm_type).</summary>
public static class VersionedType
{
    public const string Composition = "COMPOSITION";
    public const string EhrStatus = "EHR_STATUS";
    public const string Folder = "FOLDER";
}
