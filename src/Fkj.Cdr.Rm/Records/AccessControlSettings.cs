using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Records;

/// <summary>ACCESS_CONTROL_SETTINGS: an EHR's access control settings; RM 1.1 defines no concrete subtype, so EHR_ACCESS.settings stays empty.</summary>
public abstract class AccessControlSettings : RmObject
{
    public static readonly RmType Meta = RmType.Abstract<AccessControlSettings>("ACCESS_CONTROL_SETTINGS");
}
