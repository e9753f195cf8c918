using Fkj.Cdr.Rm.DataStructures;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Content;

/// <summary>OBSERVATION: observed or measured data about the subject, as a history of events.</summary>
public sealed class Observation : CareEntry
{
    public History Data { get; set; } = null!;

    public History? State { get; set; }

    public new static readonly RmType Meta = RmType.Concrete("OBSERVATION", () => new Observation())
        .Object<History>("data", o => o.Data, (o, v) => o.Data = v, required: true)
        .Object<History>("state", o => o.State, (o, v) => o.State = v);

    public override RmType RmType => Meta;
}
