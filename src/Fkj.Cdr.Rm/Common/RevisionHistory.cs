using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Common;

/// <summary>REVISION_HISTORY: the audits of every version of a versioned object, oldest first.</summary>
public sealed class RevisionHistory : RmObject
{
    public List<RevisionHistoryItem>? Items { get; set; }

    public static readonly RmType Meta = RmType.Concrete("REVISION_HISTORY", () => new RevisionHistory())
        .List<RevisionHistoryItem>("items", o => o.Items, (o, v) => o.Items = v, required: true);

    public override RmType RmType => Meta;
}
