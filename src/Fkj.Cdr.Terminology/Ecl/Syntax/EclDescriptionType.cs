namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary>The description type tokens of a <c>type</c> filter.</summary>
public enum EclDescriptionType
{
    /// <summary><c>syn</c> (<c>synonym</c>): 900000000000013009</summary>
    Synonym,

    /// <summary><c>fsn</c> (<c>fullySpecifiedName</c>): 900000000000003001</summary>
    FullySpecifiedName,

    /// <summary><c>def</c> (<c>definition</c>): 900000000000550004</summary>
    Definition,
}
