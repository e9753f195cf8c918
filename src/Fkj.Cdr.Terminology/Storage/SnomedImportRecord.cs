namespace Fkj.Cdr.Terminology.Storage;

/// <summary>A row of snomed_import: the files (name, size, sha256) and counts (read, changed, closure) as JSON.</summary>
public sealed record SnomedImportRecord(Guid Id, string Name, string FilesJson, string CountsJson, DateTimeOffset StartedAt, DateTimeOffset FinishedAt);
