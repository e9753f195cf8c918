using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Common;

/// <summary>IMPORTED_VERSION: a version copied in from another system, wrapping the original unchanged.</summary>
public sealed class ImportedVersion : Version
{
    public OriginalVersion Item { get; set; } = null!;

    public new static readonly RmType Meta = RmType.Concrete("IMPORTED_VERSION", () => new ImportedVersion())
        .Object<OriginalVersion>("item", o => o.Item, (o, v) => o.Item = v, required: true);

    public override RmType RmType => Meta;
}
