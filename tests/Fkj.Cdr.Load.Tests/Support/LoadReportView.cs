namespace Fkj.Cdr.Load.Tests.Support;

/// <summary>The JSON result file read back, as a client of the file would: only what the tests check.</summary>
public sealed record LoadReportView(
    string Mode,
    string? PostgresVersion,
    List<LevelView> Results,
    List<StorageView> Storage,
    List<string> Notes);
