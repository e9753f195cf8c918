using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Common;

/// <summary>LINK: a typed, directed link from one LOCATABLE to another, addressed by EHR URI.</summary>
public sealed class Link : RmObject
{
    public DvText Meaning { get; set; } = null!;

    public DvText Type { get; set; } = null!;

    public DvEhrUri Target { get; set; } = null!;

    public static readonly RmType Meta = RmType.Concrete("LINK", () => new Link())
        .Object<DvText>("meaning", o => o.Meaning, (o, v) => o.Meaning = v, required: true)
        .Object<DvText>("type", o => o.Type, (o, v) => o.Type = v, required: true)
        .Object<DvEhrUri>("target", o => o.Target, (o, v) => o.Target = v, required: true);

    public override RmType RmType => Meta;
}
