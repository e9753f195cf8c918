using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.DataTypes;

/// <summary>TERM_MAPPING: a mapping of a text to a code in another terminology.</summary>
public sealed class TermMapping : RmObject
{
    public char Match { get; set; } = '?';

    public DvCodedText? Purpose { get; set; }

    public CodePhrase Target { get; set; } = new();

    public static readonly RmType Meta = RmType.Concrete("TERM_MAPPING", () => new TermMapping())
        .Text("match", o => o.Match.ToString(), (o, v) => o.Match = v.Length == 1 ? v[0] : throw new FormatException("match is one of '>', '=', '<', '?'"), required: true)
        .Object<DvCodedText>("purpose", o => o.Purpose, (o, v) => o.Purpose = v)
        .Object<CodePhrase>("target", o => o.Target, (o, v) => o.Target = v, required: true);

    public override RmType RmType => Meta;
}
