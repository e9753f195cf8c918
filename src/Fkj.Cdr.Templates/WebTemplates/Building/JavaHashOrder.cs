namespace Fkj.Cdr.Templates.WebTemplates.Building;

/// <summary>
/// The iteration order of a Java <c>HashSet&lt;String&gt;</c> filled in the given order: by bucket
/// (the spread string hash masked by the table size), then by insertion. The SDK collects some
/// lists through such sets, and their order shows in the web template.
/// </summary>
internal static class JavaHashOrder
{
    public static List<string> Of(IReadOnlyList<string> items)
    {
        var capacity = 16;
        while (items.Count > capacity * 3 / 4) capacity *= 2;
        return items
            .Select((item, index) => (item, index, bucket: Spread(JavaHash(item)) & (capacity - 1)))
            .OrderBy(x => x.bucket)
            .ThenBy(x => x.index)
            .Select(x => x.item)
            .ToList();
    }

    private static int JavaHash(string text)
    {
        var h = 0;
        foreach (var c in text) h = unchecked(31 * h + c);
        return h;
    }

    private static int Spread(int h) => h ^ (int)((uint)h >> 16);
}
