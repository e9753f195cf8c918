using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.DataTypes;

/// <summary>DV_CODED_TEXT: text whose meaning is given by a code.</summary>
public sealed class DvCodedText : DvText
{
    public CodePhrase DefiningCode { get; set; } = new();

    public new static readonly RmType Meta = RmType.Concrete("DV_CODED_TEXT", () => new DvCodedText())
        .Object<CodePhrase>("defining_code", o => o.DefiningCode, (o, v) => o.DefiningCode = v, required: true);

    public override RmType RmType => Meta;
}
