using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.DataTypes;

/// <summary>REFERENCE_RANGE: a named range (e.g. "critical", "therapeutic") against which an ordered value is read.</summary>
public sealed class ReferenceRange : RmObject
{
    public DvText Meaning { get; set; } = new();

    public DvInterval Range { get; set; } = new();

    public static readonly RmType Meta = RmType.Concrete("REFERENCE_RANGE", () => new ReferenceRange())
        .Object<DvText>("meaning", o => o.Meaning, (o, v) => o.Meaning = v, required: true)
        .Object<DvInterval>("range", o => o.Range, (o, v) => o.Range = v, required: true);

    public override RmType RmType => Meta;
}
