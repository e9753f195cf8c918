using Fkj.Cdr.Rm.DataStructures;
using Fkj.Cdr.Rm.Identification;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Common;

/// <summary>FOLDER: a node of an EHR directory, grouping references to versioned objects (rm.common.directory).</summary>
public sealed class Folder : Locatable
{
    public List<Folder>? Folders { get; set; }

    public List<ObjectRef>? Items { get; set; }

    public ItemStructure? Details { get; set; }

    public new static readonly RmType Meta = RmType.Concrete("FOLDER", () => new Folder())
        .List<Folder>("folders", o => o.Folders, (o, v) => o.Folders = v)
        .List<ObjectRef>("items", o => o.Items, (o, v) => o.Items = v)
        .Object<ItemStructure>("details", o => o.Details, (o, v) => o.Details = v);

    public override RmType RmType => Meta;
}
