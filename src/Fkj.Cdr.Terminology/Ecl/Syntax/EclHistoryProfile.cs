namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary>The history supplement profiles: which historical associations to follow.</summary>
public enum EclHistoryProfile
{
    /// <summary><c>HISTORY-MIN</c></summary>
    Minimum,

    /// <summary><c>HISTORY-MOD</c></summary>
    Moderate,

    /// <summary><c>HISTORY-MAX</c></summary>
    Maximum,
}
