using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Identification;

/// <summary>OBJECT_REF: a reference to an object held elsewhere, named by its id, the namespace holding it and its RM type.</summary>
public class ObjectRef : RmObject
{
    public ObjectId Id { get; set; } = null!;

    public string Namespace { get; set; } = "";

    public string Type { get; set; } = "";

    public static readonly RmType Meta = RmType.Concrete("OBJECT_REF", () => new ObjectRef())
        .Object<ObjectId>("id", o => o.Id, (o, v) => o.Id = v, required: true)
        .Text("namespace", o => o.Namespace, (o, v) => o.Namespace = v, required: true)
        .Text("type", o => o.Type, (o, v) => o.Type = v, required: true);

    public override RmType RmType => Meta;
}
