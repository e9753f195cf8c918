using Fkj.Cdr.Rm.DataStructures;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Content;

/// <summary>ADMIN_ENTRY: administrative information, e.g. an admission or appointment, outside the clinical care process.</summary>
public sealed class AdminEntry : Entry
{
    public ItemStructure Data { get; set; } = null!;

    public new static readonly RmType Meta = RmType.Concrete("ADMIN_ENTRY", () => new AdminEntry())
        .Object<ItemStructure>("data", o => o.Data, (o, v) => o.Data = v, required: true);

    public override RmType RmType => Meta;
}
