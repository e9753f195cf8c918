using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.DataTypes;

/// <summary>DV_TEXT: plain text, with optional hyperlink, formatting, mappings, language and encoding.</summary>
public class DvText : DataValue
{
    public string Value { get; set; } = "";

    public DvUri? Hyperlink { get; set; }

    public string? Formatting { get; set; }

    public List<TermMapping>? Mappings { get; set; }

    public CodePhrase? Language { get; set; }

    public CodePhrase? Encoding { get; set; }

    public new static readonly RmType Meta = RmType.Concrete("DV_TEXT", () => new DvText())
        .Text("value", o => o.Value, (o, v) => o.Value = v, required: true)
        .Object<DvUri>("hyperlink", o => o.Hyperlink, (o, v) => o.Hyperlink = v)
        .Text("formatting", o => o.Formatting, (o, v) => o.Formatting = v)
        .List<TermMapping>("mappings", o => o.Mappings, (o, v) => o.Mappings = v)
        .Object<CodePhrase>("language", o => o.Language, (o, v) => o.Language = v)
        .Object<CodePhrase>("encoding", o => o.Encoding, (o, v) => o.Encoding = v);

    public override RmType RmType => Meta;
}
