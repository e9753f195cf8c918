namespace Fkj.Cdr.Load.Scenarios;

/// <summary>What a scenario measures: the CDR server over HTTP, or the raw Npgsql baseline beside it.</summary>
public static class ScenarioTarget
{
    public const string Server = "server";
    public const string Baseline = "baseline";
}
