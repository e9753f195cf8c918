using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.DataTypes;

/// <summary>DV_PARSABLE: text in a formal syntax named by <c>formalism</c>, e.g. a timing expression.</summary>
public sealed class DvParsable : DvEncapsulated
{
    public string Value { get; set; } = "";

    public string Formalism { get; set; } = "";

    public new static readonly RmType Meta = RmType.Concrete("DV_PARSABLE", () => new DvParsable())
        .Text("value", o => o.Value, (o, v) => o.Value = v, required: true)
        .Text("formalism", o => o.Formalism, (o, v) => o.Formalism = v, required: true);

    public override RmType RmType => Meta;
}
