using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Templates.Opt.Constraints;

/// <summary>C_COMPLEX_OBJECT: a constraint on an RM object with attributes.</summary>
public class CComplexObject : CObject
{
    public IReadOnlyList<CAttribute> Attributes { get; init; } = [];

    /// <summary>An RM value the template proposes when none is given (OPT <c>default_value</c>).</summary>
    public RmObject? DefaultValue { get; init; }

    public CAttribute? Attribute(string rmAttributeName) =>
        Attributes.FirstOrDefault(a => a.RmAttributeName == rmAttributeName);
}
