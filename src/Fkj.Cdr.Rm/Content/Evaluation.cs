using Fkj.Cdr.Rm.DataStructures;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Content;

/// <summary>EVALUATION: a clinical opinion or assessment, such as a diagnosis, risk or goal.</summary>
public sealed class Evaluation : CareEntry
{
    public ItemStructure Data { get; set; } = null!;

    public new static readonly RmType Meta = RmType.Concrete("EVALUATION", () => new Evaluation())
        .Object<ItemStructure>("data", o => o.Data, (o, v) => o.Data = v, required: true);

    public override RmType RmType => Meta;
}
