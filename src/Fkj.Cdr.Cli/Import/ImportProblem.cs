using System.Globalization;
using System.Text;
using Fkj.Cdr.Server.Errors;

namespace Fkj.Cdr.Cli.Import;

/// <summary>A file the import refused, with the answer the REST API would have given: status, code, message and each problem at its path.</summary>
/// <param name="File">The file, relative to the source directory (<c>compositions/3/7.json</c>).</param>
public sealed record ImportProblem(string File, int Status, string Code, string Message, IReadOnlyList<ErrorIssue> Issues)
{
    /// <summary>At most this many issues of one file are written out.</summary>
    public const int IssuesShown = 10;

    public static ImportProblem Of(string file, ApiException e) => new(file, e.Status, e.Code, e.Message,
        e.Issues.Count > 0 ? e.Issues : e.Path is { } path ? [new ErrorIssue(e.Code, e.Message, path)] : []);

    /// <summary>The file and why, then each issue at its path on a line of its own.</summary>
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(c, $"{File}: refused ({Status} {Code}): {Message}");
        foreach (var issue in Issues.Take(IssuesShown))
        {
            text.AppendLine().Append(c, $"    {issue.Path ?? "(no path)"}: {issue.Message}");
        }
        if (Issues.Count > IssuesShown)
        {
            text.AppendLine().Append(c, $"    ... and {Issues.Count - IssuesShown} more");
        }
        return text.ToString();
    }
}

/// <summary>The files refused so far, each written to stderr as it is found.</summary>
public sealed class ImportProblems(ImportProgress progress)
{
    private readonly List<ImportProblem> _list = [];

    public IReadOnlyList<ImportProblem> List
    {
        get
        {
            lock (_list) return _list.ToList();
        }
    }

    /// <summary>Records a refused file that stands for <paramref name="compositions"/> compositions (an EHR's status file for all of its).</summary>
    public void Add(ImportProblem problem, long compositions = 1)
    {
        lock (_list) _list.Add(problem);
        progress.AddRefused(compositions);
        progress.Message(problem.ToString());
    }
}
