namespace Fkj.Cdr.Templates.Opt.Primitives;

/// <summary>C_PRIMITIVE: a constraint on a primitive value. Subclasses hold the ADL 1.4 forms.</summary>
public abstract class CPrimitive
{
    /// <summary>The primitive type name as the OPT states it in rm_type_name, e.g. <c>STRING</c>.</summary>
    public abstract string TypeName { get; }
}
