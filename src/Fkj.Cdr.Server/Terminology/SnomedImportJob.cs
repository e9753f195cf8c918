using Fkj.Cdr.Terminology.Storage;

namespace Fkj.Cdr.Server.Terminology;

/// <summary>
/// One import posted to the admin endpoint, as <c>GET /admin/terminology/snomed/imports/{id}</c> shows it: its state
/// (importing, indexing, done, failed), the import's stage and progress, and when done what it did.
/// </summary>
public sealed class SnomedImportJob(Guid id, string name) : IProgress<SnomedImportProgress>
{
    private volatile SnomedImportProgress _progress = new("queued", 0, 0, 0);

    public Guid Id { get; } = id;

    public string Name { get; } = name;

    /// <summary>importing, indexing (the tables are committed; the index is being rebuilt), done or failed.</summary>
    public string State { get; set; } = "importing";

    public SnomedImportProgress Progress => _progress;

    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    public DateTimeOffset? FinishedAt { get; set; }

    public SnomedImportResult? Result { get; set; }

    /// <summary>Why it failed: a code and a message.</summary>
    public (string Code, string Message)? Error { get; set; }

    public void Report(SnomedImportProgress value) => _progress = value;
}
