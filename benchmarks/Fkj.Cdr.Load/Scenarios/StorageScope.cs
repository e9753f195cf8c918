namespace Fkj.Cdr.Load.Scenarios;

/// <summary>Which tables a writing scenario grows, for the bytes-per-item figure.</summary>
public enum StorageScope
{
    /// <summary>The scenario writes nothing worth measuring.</summary>
    None,

    /// <summary>Every table but the baseline's: what the CDR stores per composition, indexes included.</summary>
    CdrTables,

    /// <summary>The baseline table alone.</summary>
    BaselineTable,
}
