using System.Globalization;
using Fkj.Cdr.Terminology.Ecl.Syntax;

namespace Fkj.Cdr.Terminology.Ecl.Evaluation;

public sealed partial class EclEvaluator
{
    private const long HistoricalAssociation = 900000000000522004;
    private const long SameAs = 900000000000527005;
    private const long ReplacedBy = 900000000000526001;
    private const long WasA = 900000000000528000;
    private const long PartiallyEquivalentTo = 1186921001;

    /// <summary>
    /// The historical association reference sets of the ECL 2.x history profiles. MIN follows only SAME AS (the
    /// inactive concept means exactly the active one); MOD adds REPLACED BY, WAS A and PARTIALLY EQUIVALENT TO;
    /// MAX (and plain HISTORY) every historical association: also POSSIBLY EQUIVALENT TO, POSSIBLY REPLACED BY,
    /// ALTERNATIVE, MOVED TO / FROM, SIMILAR TO, REFERS TO, and whatever the release files under
    /// 900000000000522004 |Historical association|.
    /// </summary>
    private static readonly long[] MinimumProfile = [SameAs];

    private static readonly long[] ModerateProfile = [SameAs, ReplacedBy, WasA, PartiallyEquivalentTo];

    private static readonly long[] MaximumProfile =
    [
        SameAs, ReplacedBy, WasA, PartiallyEquivalentTo,
        900000000000523009, // POSSIBLY EQUIVALENT TO
        1186924009, // POSSIBLY REPLACED BY
        900000000000530003, // ALTERNATIVE
        900000000000524003, // MOVED TO
        900000000000525002, // MOVED FROM
        900000000000529008, // SIMILAR TO
        900000000000531004, // REFERS TO
    ];

    /// <summary>Inactive concepts a history supplement brought in; they stay in the result although inactive.</summary>
    private readonly HashSet<int> _supplemented = [];

    /// <summary>
    /// <c>S {{ + HISTORY-x }}</c>: S and every concept that one of the profile's association reference sets (active
    /// members) links to a member of S through targetComponentId, that is the inactive concepts recorded in the
    /// past that now mean a concept of S.
    /// </summary>
    private int[] History(EclHistorySupplement history, int[] set)
    {
        IEnumerable<long> refsets = history.Subset is { } subset
            ? Expression(subset).Select(c => _index.ConceptIds[c])
            : history.Profile switch
            {
                EclHistoryProfile.Minimum => MinimumProfile,
                EclHistoryProfile.Moderate => ModerateProfile,
                _ => MaximumProfile.Concat(_index.ConceptIndex.TryGetValue(HistoricalAssociation, out var h)
                    ? _index.DescendantsOf[h].ToArray().Select(c => _index.ConceptIds[c])
                    : []),
            };
        var inSet = SortedSets.Bitmap(set, _index.ConceptCount);
        var result = new List<int>(set);
        foreach (var refset in refsets.Distinct())
        {
            if (!_index.AllMembers.TryGetValue(refset, out var members)) continue;
            foreach (var member in members)
            {
                if (member.Active
                    && long.TryParse(member.Field("targetComponentId"), NumberStyles.None, CultureInfo.InvariantCulture, out var target)
                    && _index.ConceptIndex.TryGetValue(target, out var t) && inSet[t]
                    && _index.ConceptIndex.TryGetValue(member.ReferencedComponentId, out var c))
                {
                    result.Add(c);
                    _supplemented.Add(c);
                }
            }
        }

        return Normalise(result);
    }
}
