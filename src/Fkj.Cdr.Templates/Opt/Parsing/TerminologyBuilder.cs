using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Templates.Opt.Terminology;

namespace Fkj.Cdr.Templates.Opt.Parsing;

/// <summary>A terminology being assembled from the tree and the template-level ontologies.</summary>
internal sealed class TerminologyBuilder
{
    public Dictionary<string, Dictionary<string, ArchetypeTerm>> Terms { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Dictionary<string, ArchetypeTerm>> ConstraintTerms { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Dictionary<string, CodePhrase>> TermBindings { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Dictionary<string, string>> ConstraintBindings { get; } = new(StringComparer.Ordinal);

    /// <summary>Adds what <paramref name="other"/> has and this one lacks; what is here wins (the tree carries the template's overrides).</summary>
    public void Merge(TerminologyBuilder other)
    {
        MergeInto(Terms, other.Terms);
        MergeInto(ConstraintTerms, other.ConstraintTerms);
        MergeInto(TermBindings, other.TermBindings);
        MergeInto(ConstraintBindings, other.ConstraintBindings);
    }

    public ArchetypeTerminology Build() => new()
    {
        Terms = Freeze(Terms),
        ConstraintTerms = Freeze(ConstraintTerms),
        TermBindings = Freeze(TermBindings),
        ConstraintBindings = Freeze(ConstraintBindings),
    };

    private static void MergeInto<T>(Dictionary<string, Dictionary<string, T>> target, Dictionary<string, Dictionary<string, T>> source)
    {
        foreach (var (key, entries) in source)
        {
            if (!target.TryGetValue(key, out var existing)) target[key] = existing = new(StringComparer.Ordinal);
            foreach (var (code, value) in entries) existing.TryAdd(code, value);
        }
    }

    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, T>> Freeze<T>(Dictionary<string, Dictionary<string, T>> source) =>
        source.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, T>)p.Value, StringComparer.Ordinal);
}
