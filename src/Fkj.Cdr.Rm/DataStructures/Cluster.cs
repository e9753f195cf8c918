using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.DataStructures;

/// <summary>CLUSTER: a grouping node holding further clusters and elements.</summary>
public sealed class Cluster : Item
{
    public List<Item>? Items { get; set; }

    public new static readonly RmType Meta = RmType.Concrete("CLUSTER", () => new Cluster())
        .List<Item>("items", o => o.Items, (o, v) => o.Items = v, required: true);

    public override RmType RmType => Meta;
}
