using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Content;

/// <summary>SECTION: a heading that organises entries for navigation; it adds no clinical meaning.</summary>
public sealed class Section : ContentItem
{
    public List<ContentItem>? Items { get; set; }

    public new static readonly RmType Meta = RmType.Concrete("SECTION", () => new Section())
        .List<ContentItem>("items", o => o.Items, (o, v) => o.Items = v);

    public override RmType RmType => Meta;
}
