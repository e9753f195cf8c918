using System.Collections.Concurrent;

namespace Fkj.Cdr.Load.Scenarios.Aql;

/// <summary>
/// The answers the AQL scenarios and their SQL baselines gave, by question (an EHR id, "population"): the first answer
/// to a question stands, and any later one, from either side, must equal it. The data does not change while the
/// queries run, so a difference is a wrong answer on one side, never noise. The first mismatch of each scenario is
/// kept as a note for the report.
/// </summary>
public sealed class AnswerBook
{
    private readonly ConcurrentDictionary<string, (string Target, string Answer)> _first = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _mismatches = new(StringComparer.Ordinal);
    private long _checked;

    /// <summary>Answers compared with an earlier one.</summary>
    public long Checked => Interlocked.Read(ref _checked);

    /// <summary>The first mismatch of each scenario, as a sentence.</summary>
    public IReadOnlyDictionary<string, string> Mismatches => _mismatches;

    /// <summary>Records <paramref name="answer"/>; false when an earlier answer to the same question differs.</summary>
    public bool Check(string scenario, string question, string target, string answer)
    {
        var first = _first.GetOrAdd(scenario + "\n" + question, (target, answer));
        if (ReferenceEquals(first.Answer, answer) && first.Target == target)
        {
            return true;
        }
        Interlocked.Increment(ref _checked);
        if (string.Equals(first.Answer, answer, StringComparison.Ordinal))
        {
            return true;
        }
        _mismatches.TryAdd(scenario, $"{scenario}: the answers differ for {question}: {first.Target} gave {Shorten(first.Answer)}, {target} gave {Shorten(answer)}");
        return false;
    }

    /// <summary>The first answer recorded for a question, if any.</summary>
    public string? Answer(string scenario, string question) =>
        _first.TryGetValue(scenario + "\n" + question, out var first) ? first.Answer : null;

    private static string Shorten(string text) => text.Length > 400 ? text[..400] + "…" : text;
}
