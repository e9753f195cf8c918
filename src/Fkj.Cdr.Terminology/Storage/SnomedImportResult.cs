namespace Fkj.Cdr.Terminology.Storage;

/// <summary>
/// What an import did: per table (concepts, descriptions, relationships, concreteValues, refsetMembers) the rows read
/// and the rows that were new or newer than the stored ones (and refsets whose kind or columns are new); the closure's
/// row count when it was recomputed (null when nothing it depends on changed); the files read.
/// </summary>
public sealed record SnomedImportResult(
    Guid Id,
    string Name,
    IReadOnlyDictionary<string, long> Read,
    IReadOnlyDictionary<string, long> Changed,
    long? ClosureRows,
    IReadOnlyList<SnomedImportFile> Files,
    TimeSpan Elapsed)
{
    /// <summary>True when the import changed no table (a re-run of a release already imported).</summary>
    public bool ChangedNothing => Changed.Values.All(n => n == 0) && ClosureRows is null;
}

/// <summary>A file an import read: its name, size in bytes and SHA-256 (lower-case hex).</summary>
public sealed record SnomedImportFile(string Name, long Size, string Sha256);
