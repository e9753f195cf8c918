using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Identification;

/// <summary>OBJECT_VERSION_ID: <c>object_id::creating_system_id::version_tree_id</c>, naming one version of a versioned object.</summary>
public sealed class ObjectVersionId : UidBasedId
{
    public new static readonly RmType Meta = RmType.Concrete("OBJECT_VERSION_ID", () => new ObjectVersionId());

    public override RmType RmType => Meta;

    // The parts are derived on demand rather than stored: ids are compared, indexed and echoed back
    // verbatim, so the written value is the only source of truth and parsing must never normalise it.

    /// <summary>The UID of the versioned object, or null when the value has no <c>::</c> separator.</summary>
    public string? ObjectIdPart
    {
        get
        {
            var first = Value.IndexOf("::", StringComparison.Ordinal);
            return first < 0 ? null : Value[..first];
        }
    }

    /// <summary>The system that created the version, or null when the value is not three-part.</summary>
    public string? CreatingSystemId
    {
        get
        {
            var (first, last) = Separators();
            return last < 0 ? null : Value[(first + 2)..last];
        }
    }

    /// <summary>The version tree id, e.g. <c>1</c> or <c>1.2.1</c>, or null when the value is not three-part.</summary>
    public string? VersionTreeId
    {
        get
        {
            var (first, last) = Separators();
            return last < 0 ? null : Value[(last + 2)..];
        }
    }

    /// <summary>
    /// The first and last <c>::</c>; last is -1 unless they differ. Splitting at the outer separators keeps
    /// any <c>::</c> inside the creating system id, which the specification does not forbid.
    /// </summary>
    private (int First, int Last) Separators()
    {
        var first = Value.IndexOf("::", StringComparison.Ordinal);
        var last = first < 0 ? -1 : Value.LastIndexOf("::", StringComparison.Ordinal);
        return last > first ? (first, last) : (first, -1);
    }
}
