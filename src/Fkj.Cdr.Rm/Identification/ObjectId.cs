using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Identification;

/// <summary>OBJECT_ID: an identifier whose syntax depends on the subtype; kept exactly as written.</summary>
public abstract class ObjectId : RmObject
{
    public string Value { get; set; } = "";

    public static readonly RmType Meta = RmType.Abstract<ObjectId>("OBJECT_ID")
        .Text("value", o => o.Value, (o, v) => o.Value = v, required: true);

    public override string ToString() => Value;
}
