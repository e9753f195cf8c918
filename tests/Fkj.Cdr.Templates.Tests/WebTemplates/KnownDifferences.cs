namespace Fkj.Cdr.Templates.Tests.WebTemplates;

/// <summary>
/// The fields where our web templates knowingly differ from a golden file, keyed by golden file and
/// JSON path (as <see cref="WebTemplateComparer"/> writes them), each with its reason.
/// </summary>
public static class KnownDifferences
{
    private static readonly Dictionary<string, (string Path, string Reason)[]> ByFile = new(StringComparer.Ordinal)
    {
    };

    public static string? Reason(string file, WebTemplateComparer.Difference difference)
    {
        if (!ByFile.TryGetValue(file, out var entries)) return null;
        foreach (var (path, reason) in entries)
        {
            if (path == difference.Path) return reason;
        }

        return null;
    }
}
