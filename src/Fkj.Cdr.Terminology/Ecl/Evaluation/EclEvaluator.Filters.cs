using System.Text;
using System.Text.RegularExpressions;
using Fkj.Cdr.Terminology.Ecl.Syntax;
using Fkj.Cdr.Terminology.Index;
using Fkj.Cdr.Terminology.Rf2;

namespace Fkj.Cdr.Terminology.Ecl.Evaluation;

public sealed partial class EclEvaluator
{
    private static readonly Dictionary<string, long> DialectAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en-gb"] = SnomedIds.GbEnglish,
        ["en-us"] = SnomedIds.UsEnglish,
        ["nb"] = SnomedIds.NorwegianBokmal,
        ["no"] = SnomedIds.NorwegianBokmal,
    };

    private bool _admitInactive;

    private bool AsksForInactive(EclExpression expression) => _admitInactive;

    private int[] ApplyFilters(EclSubExpression sub, int[] focus)
    {
        foreach (var constraint in sub.Filters)
        {
            focus = constraint switch
            {
                EclDescriptionFilterConstraint d => DescriptionFilter(d, focus),
                EclConceptFilterConstraint c => ConceptFilter(c, focus),
                _ => throw Unsupported(constraint, "member filters outside memberOf"),
            };
        }

        return focus;
    }

    private int[] ConceptFilter(EclConceptFilterConstraint constraint, int[] focus)
    {
        foreach (var filter in constraint.Filters)
        {
            Func<int, bool> test = filter switch
            {
                EclActiveFilter active => Admit(active) is var wanted ? c => wanted is null || _index.ConceptActive[c] == wanted : null!,
                EclDefinitionStatusFilter status => c => status.Statuses.Contains(_index.ConceptDefined[c] ? EclDefinitionStatus.Defined : EclDefinitionStatus.Primitive),
                EclDefinitionStatusIdFilter statusId => IdSet(statusId.Statuses) is var ids
                    ? c => ids.Contains(_index.ConceptDefined[c] ? SnomedIds.Defined : SnomedIds.Primitive) : null!,
                EclModuleFilter module => IdSet(module.Modules) is var modules ? c => modules.Contains(_index.ConceptModule[c]) : null!,
                EclEffectiveTimeFilter time => TimeTest(time.Operator, time.Times) is var t ? c => t(_index.ConceptEffectiveTime[c]) : null!,
                _ => throw Unsupported(filter, "this concept filter"),
            };
            var negate = Operator(filter) == EclComparisonOperator.NotEqual;
            focus = Array.FindAll(focus, c => test(c) != negate);
        }

        return focus;
    }

    /// <summary>Which activity an active filter keeps; it also lets inactive concepts into the result.</summary>
    private bool? Admit(EclActiveFilter active)
    {
        var wanted = active.Active is { } a ? a == (active.Operator == EclComparisonOperator.Equal) : (bool?)null;
        if (wanted != true) _admitInactive = true;
        return wanted;
    }

    private int[] DescriptionFilter(EclDescriptionFilterConstraint constraint, int[] focus)
    {
        var tests = new List<Func<int, bool>>();
        var activeGiven = false;
        foreach (var filter in constraint.Filters)
        {
            Func<int, bool> test = filter switch
            {
                EclTermFilter term => d => term.Terms.Any(t => TermMatches(t, _index.Terms[d])),
                EclLanguageFilter language => d => language.LanguageCodes.Contains(_index.LanguageCodes[d], StringComparer.OrdinalIgnoreCase),
                EclDescriptionTypeFilter type => d => type.Types.Any(t => TypeId(t) == _index.DescriptionTypes[d]),
                EclDescriptionTypeIdFilter typeId => IdSet(typeId.Types) is var types ? d => types.Contains(_index.DescriptionTypes[d]) : null!,
                EclModuleFilter module => IdSet(module.Modules) is var modules ? d => modules.Contains(_index.DescriptionModule[d]) : null!,
                EclDescriptionIdFilter id => d => id.Ids.Contains(_index.DescriptionIds[d]),
                EclActiveFilter active => active.Active is { } a ? d => _index.DescriptionActive[d] == a : _ => true,
                EclDialectFilter dialect => Dialect(dialect),
                EclEffectiveTimeFilter time => TimeTest(time.Operator, time.Times) is var t ? d => t(_index.DescriptionEffectiveTime[d]) : null!,
                _ => throw Unsupported(filter, "this description filter"),
            };
            activeGiven |= filter is EclActiveFilter;
            var negate = Operator(filter) == EclComparisonOperator.NotEqual;
            tests.Add(negate ? d => !test(d) : test);
        }

        return Array.FindAll(focus, c =>
        {
            for (var d = _index.DescriptionStart[c]; d < _index.DescriptionStart[c + 1]; d++)
            {
                // Without an active filter only active descriptions count.
                if ((activeGiven || _index.DescriptionActive[d]) && tests.TrueForAll(t => t(d))) return true;
            }

            return false;
        });
    }

    private Func<int, bool> Dialect(EclDialectFilter filter)
    {
        var refsets = new List<(byte[] Acceptability, HashSet<byte>? Wanted)>();
        foreach (var dialect in filter.Dialects)
        {
            IEnumerable<long> ids = dialect switch
            {
                EclDialectAlias alias => DialectAliases.TryGetValue(alias.Alias, out var id)
                    ? [id]
                    : throw new EclEvaluationException($"unknown dialect alias {alias.Alias}", alias.Span),
                EclDialectId dialectId => IdSet(dialectId.Dialect),
                _ => [],
            };
            var wanted = Acceptabilities(dialect.Acceptability ?? filter.Acceptability);
            foreach (var id in ids)
            {
                if (_index.Acceptability.TryGetValue(id, out var acceptability)) refsets.Add((acceptability, wanted));
            }
        }

        return d => refsets.Any(r => r.Acceptability[d] != 0 && (r.Wanted is null || r.Wanted.Contains(r.Acceptability[d])));
    }

    private static HashSet<byte>? Acceptabilities(EclAcceptabilitySet? set)
    {
        if (set is null) return null;
        var wanted = new HashSet<byte>();
        foreach (var token in set.Tokens) wanted.Add(token == EclAcceptability.Preferred ? (byte)2 : (byte)1);
        foreach (var concept in set.Concepts)
        {
            if (concept.ConceptId == SnomedIds.Preferred) wanted.Add(2);
            else if (concept.ConceptId == SnomedIds.Acceptable) wanted.Add(1);
        }

        return wanted;
    }

    private static long TypeId(EclDescriptionType type) => type switch
    {
        EclDescriptionType.FullySpecifiedName => SnomedIds.Fsn,
        EclDescriptionType.Definition => SnomedIds.Definition,
        _ => SnomedIds.Synonym,
    };

    /// <summary>The ids a filter names; a lone concept reference need not be a concept of the index (a module, say).</summary>
    private HashSet<long> IdSet(EclConceptSet set) => set switch
    {
        EclConceptReferenceSet references => references.References.Select(r => r.ConceptId).ToHashSet(),
        EclSubExpression { Operator: null, MemberOf: null, Focus: EclConceptReference r, Filters.Count: 0 } => [r.ConceptId],
        EclExpression expression => Expression(expression).Select(c => _index.ConceptIds[c]).ToHashSet(),
        _ => [],
    };

    private static EclComparisonOperator Operator(EclFilter filter) => filter switch
    {
        EclActiveFilter f => f.Active is null ? EclComparisonOperator.Equal : f.Operator,
        EclDefinitionStatusFilter f => f.Operator,
        EclDefinitionStatusIdFilter f => f.Operator,
        EclModuleFilter f => f.Operator,
        EclTermFilter f => f.Operator,
        EclLanguageFilter f => f.Operator,
        EclDescriptionTypeFilter f => f.Operator,
        EclDescriptionTypeIdFilter f => f.Operator,
        EclDescriptionIdFilter f => f.Operator,
        EclDialectFilter f => f.Operator,
        _ => EclComparisonOperator.Equal,
    };

    /// <summary>
    /// match: every word of the term is the prefix of some word of the text, case-insensitively; wild: the whole
    /// text matches the pattern, <c>*</c> standing for any characters.
    /// </summary>
    private static bool TermMatches(EclTypedSearchTerm term, string text)
    {
        if (term.Type == EclSearchType.Match)
        {
            var words = TermNormaliser.Tokens(text);
            return TermNormaliser.Tokens(term.Unescaped).TrueForAll(w => words.Exists(x => x.StartsWith(w, StringComparison.Ordinal)));
        }

        var pattern = new StringBuilder("^");
        for (var i = 0; i < term.Text.Length; i++)
        {
            if (term.Text[i] == '\\' && i + 1 < term.Text.Length) pattern.Append(Regex.Escape(term.Text[++i].ToString()));
            else if (term.Text[i] == '*') pattern.Append(".*");
            else pattern.Append(Regex.Escape(term.Text[i].ToString()));
        }

        return Regex.IsMatch(text, pattern.Append('$').ToString(), RegexOptions.IgnoreCase | RegexOptions.Singleline);
    }
}
