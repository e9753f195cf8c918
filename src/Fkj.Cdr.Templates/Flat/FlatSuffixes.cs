namespace Fkj.Cdr.Templates.Flat;

/// <summary>
/// The <c>|suffix</c>es the decoder reads, kept as one string each so that reading a key allocates no
/// suffix string (and comparing one is a reference check first). Unknown suffixes are allocated as given.
/// </summary>
internal static class FlatSuffixes
{
    private static readonly string[] Known =
    [
        "_type", "accuracy", "accuracy_is_percent", "alternatetext", "assigner", "code", "compression_algorithm",
        "data", "denominator", "end_time", "formalism", "formatting", "function", "id", "id_namespace", "id_scheme",
        "integrity_check", "integrity_check_algorithm", "issuer", "lower", "lower_included", "lower_unbounded",
        "magnitude", "magnitude_status", "match", "meaning", "mediatype", "mode", "name", "namespace",
        "normal_status", "numerator", "ordinal", "other", "path", "precision", "preferred_term", "raw",
        "sample_count", "scale", "size", "system_id", "target", "terminology", "time", "type", "unit",
        "units", "units_display_name", "units_system", "upper", "upper_included", "upper_unbounded", "url", "value",
        "version_id",
    ];

    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Known.ToDictionary(s => s, s => s, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The suffix as a string: the shared one when known.</summary>
    public static string Intern(ReadOnlySpan<char> suffix) =>
        Lookup.TryGetValue(suffix, out var known) ? known : suffix.ToString();
}
