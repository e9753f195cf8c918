namespace Fkj.Cdr.Terminology.Storage;

/// <summary>
/// Where an import stands: its stage (reading, merging, transitive closure, committing, done), the bytes of the RF2
/// files read so far of their total, and the rows COPYed.
/// </summary>
public sealed record SnomedImportProgress(string Stage, long BytesRead, long TotalBytes, long Rows);
