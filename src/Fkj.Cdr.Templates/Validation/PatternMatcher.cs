using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Fkj.Cdr.Templates.Validation;

/// <summary>
/// A regular expression from an OPT (a C_STRING pattern or a slot's include/exclude), matched against a
/// whole value as ADL means it. The <see cref="Regex"/> is built on first use, not at compile time — a
/// large template has hundreds of slot expressions, and building a NonBacktracking automaton costs
/// megabytes — and shared by every template that uses the same expression. NonBacktracking runs in time
/// linear in the input, so a hostile pattern cannot stall a validation; an expression it cannot run
/// (backreferences, lookarounds) falls back to the backtracking engine with a match timeout. An
/// expression .NET cannot read at all (the OPT parser reports those) matches everything.
/// </summary>
internal sealed class PatternMatcher(string pattern)
{
    /// <summary>How long one match may run on the backtracking engine.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private const int MaxShared = 4096;
    private static readonly ConcurrentDictionary<string, Regex?> Shared = new(StringComparer.Ordinal);
    private static readonly Regex Unusable = new("(?:)");

    private Regex? regex;

    public string Pattern { get; } = pattern;

    /// <summary>Whether the whole of <paramref name="text"/> matches.</summary>
    /// <exception cref="RegexMatchTimeoutException">The backtracking engine gave up.</exception>
    public bool IsMatch(string text)
    {
        var r = regex ?? Build();
        return ReferenceEquals(r, Unusable) || r.IsMatch(text);
    }

    private Regex Build()
    {
        if (!Shared.TryGetValue(Pattern, out var built))
        {
            built = Create(Pattern);
            if (Shared.Count < MaxShared) Shared.TryAdd(Pattern, built);
        }

        var result = built ?? Unusable;
        Volatile.Write(ref regex, result);
        return result;
    }

    private static Regex? Create(string pattern)
    {
        var anchored = $"^(?:{pattern})$";
        try
        {
            return new Regex(anchored, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (Exception e) when (e is NotSupportedException or ArgumentException)
        {
            try
            {
                return new Regex(anchored, RegexOptions.CultureInvariant, MatchTimeout);
            }
            catch (ArgumentException)
            {
                return null;
            }
        }
    }
}
