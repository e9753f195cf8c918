namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary>The hierarchy operators that may precede a focus.</summary>
public enum EclConstraintOperator
{
    /// <summary><c>&lt;</c> (long form <c>descendantOf</c>)</summary>
    DescendantOf,

    /// <summary><c>&lt;&lt;</c> (<c>descendantOrSelfOf</c>)</summary>
    DescendantOrSelfOf,

    /// <summary><c>&lt;!</c> (<c>childOf</c>)</summary>
    ChildOf,

    /// <summary><c>&lt;&lt;!</c> (<c>childOrSelfOf</c>)</summary>
    ChildOrSelfOf,

    /// <summary><c>&gt;</c> (<c>ancestorOf</c>)</summary>
    AncestorOf,

    /// <summary><c>&gt;&gt;</c> (<c>ancestorOrSelfOf</c>)</summary>
    AncestorOrSelfOf,

    /// <summary><c>&gt;!</c> (<c>parentOf</c>)</summary>
    ParentOf,

    /// <summary><c>&gt;&gt;!</c> (<c>parentOrSelfOf</c>)</summary>
    ParentOrSelfOf,

    /// <summary><c>!!&gt;</c>: the members of the set that have no ancestor in the set (ECL 2.2 top).</summary>
    Top,

    /// <summary><c>!!&lt;</c>: the members of the set that have no descendant in the set (ECL 2.2 bottom).</summary>
    Bottom,
}
