using Fkj.Cdr.Load.Measurement;

namespace Fkj.Cdr.Load.OpenEhr;

/// <summary>The outcome of a composition commit and, when it succeeded, the version uid the server gave it.</summary>
public readonly record struct CommitResult(RequestOutcome Outcome, string? VersionUid);
