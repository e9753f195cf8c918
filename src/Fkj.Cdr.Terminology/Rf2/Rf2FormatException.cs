namespace Fkj.Cdr.Terminology.Rf2;

/// <summary>A row of an RF2 file that cannot be read: the file, the 1-based line and what is wrong.</summary>
public sealed class Rf2FormatException(string file, long line, string problem)
    : Exception($"{file}:{line}: {problem}")
{
    public string File { get; } = file;
    public long Line { get; } = line;
    public string Problem { get; } = problem;
}
