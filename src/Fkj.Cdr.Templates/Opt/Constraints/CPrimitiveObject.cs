using Fkj.Cdr.Templates.Opt.Primitives;

namespace Fkj.Cdr.Templates.Opt.Constraints;

/// <summary>C_PRIMITIVE_OBJECT: a constraint on a primitive attribute value (String, Integer, Date, ...).</summary>
public sealed class CPrimitiveObject : CObject
{
    public required CPrimitive Item { get; init; }
}
