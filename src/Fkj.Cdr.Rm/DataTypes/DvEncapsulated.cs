using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.DataTypes;

/// <summary>DV_ENCAPSULATED: data whose content is opaque to openEHR (multimedia or a parsable text).</summary>
public abstract class DvEncapsulated : DataValue
{
    public CodePhrase? Charset { get; set; }

    public CodePhrase? Language { get; set; }

    public new static readonly RmType Meta = RmType.Abstract<DvEncapsulated>("DV_ENCAPSULATED")
        .Object<CodePhrase>("charset", o => o.Charset, (o, v) => o.Charset = v)
        .Object<CodePhrase>("language", o => o.Language, (o, v) => o.Language = v);
}
