namespace Fkj.Cdr.Templates.Opt.Constraints;

/// <summary>C_COMPLEX_OBJECT: a constraint on an RM object with attributes.</summary>
public class CComplexObject : CObject
{
    public IReadOnlyList<CAttribute> Attributes { get; init; } = [];

    public CAttribute? Attribute(string rmAttributeName) =>
        Attributes.FirstOrDefault(a => a.RmAttributeName == rmAttributeName);
}
