namespace Fkj.Cdr.Rm.Meta;

/// <summary>How an RM attribute's value is carried: a primitive, one RM object, or a list of RM objects.</summary>
public enum RmAttributeKind
{
    Text,
    Boolean,
    Integer,
    Real,
    Object,
    List,
}
