namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary>The acceptability tokens of a dialect filter.</summary>
public enum EclAcceptability
{
    /// <summary><c>accept</c> (<c>acceptable</c>): 900000000000549004</summary>
    Acceptable,

    /// <summary><c>prefer</c> (<c>preferred</c>): 900000000000548007</summary>
    Preferred,
}
