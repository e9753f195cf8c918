namespace Fkj.Cdr.Load.Tests.Crash;

/// <summary>
/// The crash run keeps both cores busy with the server and its PostgreSQL for a while: it runs alone, after the
/// other tests of the assembly, so that it slows none of them down.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CrashRunCollection
{
    public const string Name = "crash run";
}
