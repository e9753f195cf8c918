using Fkj.Cdr.Rm.DataStructures;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Content;

/// <summary>GENERIC_ENTRY: an entry of arbitrary legacy or non-openEHR data in a tree, used when integrating other models.</summary>
public sealed class GenericEntry : ContentItem
{
    public ItemTree Data { get; set; } = null!;

    public new static readonly RmType Meta = RmType.Concrete("GENERIC_ENTRY", () => new GenericEntry())
        .Object<ItemTree>("data", o => o.Data, (o, v) => o.Data = v, required: true);

    public override RmType RmType => Meta;
}
