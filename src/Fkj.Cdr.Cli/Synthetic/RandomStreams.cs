namespace Fkj.Cdr.Cli.Synthetic;

/// <summary>
/// The independent random streams of one population seed (<see cref="SeededRandom.For"/>). Each EHR has
/// its own stream, so EHRs can be generated in any order, or in parallel, with the same result.
/// </summary>
public static class RandomStreams
{
    public const ulong Subjects = 1;
    public const ulong Ehr = 2;
}
