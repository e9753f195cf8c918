using System.Globalization;
using Fkj.Cdr.Terminology.Rf2;

namespace Fkj.Cdr.Fhir.Operations;

/// <summary>
/// Turns a language preference (a FHIR <c>displayLanguage</c>, an HTTP Accept-Language list with q-values, or a
/// <c>lang</c> query parameter) into language reference sets in order of preference: en-GB and en-US by their
/// refsets, <c>en</c> as en-GB then en-US, Norwegian (<c>nb</c>, <c>no</c>, <c>nn</c>) as the bokmål refset, and the
/// SNOMED convention <c>xx-x-SCTID</c> as that refset. en-GB then en-US always follow as the fallback.
/// </summary>
public static class SnomedLanguages
{
    public static readonly IReadOnlyList<long> Default = [SnomedIds.GbEnglish, SnomedIds.UsEnglish];

    public static IReadOnlyList<long> Parse(string? preference)
    {
        if (string.IsNullOrWhiteSpace(preference))
        {
            return Default;
        }

        var tags = new List<(string Tag, double Q, int Order)>();
        var order = 0;
        foreach (var item in preference.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = item.Split(';', StringSplitOptions.TrimEntries);
            var q = 1.0;
            foreach (var piece in pieces.Skip(1))
            {
                if (piece.StartsWith("q=", StringComparison.OrdinalIgnoreCase)
                    && double.TryParse(piece[2..], NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
                {
                    q = parsed;
                }
            }

            if (q > 0)
            {
                tags.Add((pieces[0], q, order++));
            }
        }

        var refsets = new List<long>();
        foreach (var (tag, _, _) in tags.OrderByDescending(t => t.Q).ThenBy(t => t.Order))
        {
            refsets.AddRange(RefsetsOf(tag));
        }

        refsets.AddRange(Default);
        return refsets.Distinct().ToList();
    }

    private static IEnumerable<long> RefsetsOf(string tag)
    {
        var lower = tag.ToLowerInvariant();
        var x = lower.IndexOf("-x-", StringComparison.Ordinal);
        if (x >= 0 && long.TryParse(lower[(x + 3)..], NumberStyles.None, CultureInfo.InvariantCulture, out var refset))
        {
            return [refset];
        }

        return lower switch
        {
            "en-gb" => [SnomedIds.GbEnglish],
            "en-us" => [SnomedIds.UsEnglish],
            "en" => [SnomedIds.GbEnglish, SnomedIds.UsEnglish],
            _ when lower is "nb" or "no" or "nn" || lower.StartsWith("nb-") || lower.StartsWith("no-") || lower.StartsWith("nn-") => [SnomedIds.NorwegianBokmal],
            _ => [],
        };
    }
}
