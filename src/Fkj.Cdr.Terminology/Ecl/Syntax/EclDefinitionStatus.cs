namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary>The definition status tokens of a concept filter.</summary>
public enum EclDefinitionStatus
{
    /// <summary><c>primitive</c>: 900000000000074008</summary>
    Primitive,

    /// <summary><c>defined</c>: 900000000000073002</summary>
    Defined,
}
