using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.DataTypes;

/// <summary>DV_PARAGRAPH: a logical composite text value made of a sequence of texts.</summary>
public sealed class DvParagraph : DataValue
{
    public List<DvText>? Items { get; set; }

    public new static readonly RmType Meta = RmType.Concrete("DV_PARAGRAPH", () => new DvParagraph())
        .List<DvText>("items", o => o.Items, (o, v) => o.Items = v, required: true);

    public override RmType RmType => Meta;
}
