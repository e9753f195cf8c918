namespace Fkj.Cdr.Terminology.Rf2.Synthetic;

/// <summary>What <see cref="SyntheticRelease"/> writes: about 350,000 concepts is the size of the International Edition.</summary>
public sealed record SyntheticReleaseOptions
{
    public int Concepts { get; init; } = 350_000;
    public ulong Seed { get; init; } = 1;
    /// <summary>The release date (yyyyMMdd), in every file name and effectiveTime.</summary>
    public int EffectiveTime { get; init; } = 20250101;
}

/// <summary>What was written: the two release folders and the row counts.</summary>
public sealed record SyntheticReleaseSummary(
    string InternationalFolder, string NorwegianFolder, int Concepts, int InactiveConcepts, int Descriptions,
    int NorwegianDescriptions, int IsARelationships, int ActiveIsARelationships, int AttributeRelationships,
    int ConcreteValues, int LanguageRefsetRows, int MaxDepth);
