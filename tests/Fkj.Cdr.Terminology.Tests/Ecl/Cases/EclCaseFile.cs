using System.Globalization;
using System.Runtime.CompilerServices;

namespace Fkj.Cdr.Terminology.Tests.Ecl.Cases;

/// <summary>
/// One line of an ECL case file: <c>expression ==&gt; expected</c>, where expected is the concept ids (any order),
/// <c>(none)</c>, or <c>error N text</c> (an <c>EclEvaluationException</c> whose span starts at N and whose message
/// holds text). <c>@release name</c> switches the release and <c>## area</c> the area the following cases count
/// for; <c>#</c> lines are comments (where each group's expected sets were read off the RF2 files).
/// </summary>
public sealed record EclCase(string Location, string Release, string Area, string Ecl, long[]? Expected, int ErrorAt, string? ErrorText)
{
    public override string ToString() => $"{Release}: {Ecl}";
}

public static class EclCaseFile
{
    public static string Folder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    public static IReadOnlyList<EclCase> ReadAll() =>
        Directory.EnumerateFiles(Folder(), "*.ecl.txt").Order(StringComparer.Ordinal).SelectMany(Read).ToList();

    public static IEnumerable<EclCase> Read(string file)
    {
        var release = "";
        var area = "";
        var number = 0;
        foreach (var raw in File.ReadLines(file))
        {
            number++;
            var line = raw.Trim();
            if (line.StartsWith("@release ", StringComparison.Ordinal)) release = line[9..].Trim();
            else if (line.StartsWith("## ", StringComparison.Ordinal)) area = line[3..].Trim();
            if (line.Length == 0 || line[0] is '#' or '@') continue;

            var at = line.IndexOf("==>", StringComparison.Ordinal);
            if (at < 0) throw new FormatException($"{file}:{number}: no '==>' in \"{line}\"");
            var ecl = line[..at].Trim();
            var expected = line[(at + 3)..].Trim();
            var location = $"{Path.GetFileName(file)}:{number}";
            if (expected.StartsWith("error ", StringComparison.Ordinal))
            {
                var parts = expected.Split(' ', 3);
                yield return new EclCase(location, release, area, ecl, null, int.Parse(parts[1], CultureInfo.InvariantCulture), parts[2]);
            }
            else
            {
                var ids = expected == "(none)"
                    ? []
                    : expected.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => long.Parse(s, CultureInfo.InvariantCulture)).Order().ToArray();
                yield return new EclCase(location, release, area, ecl, ids, -1, null);
            }
        }
    }
}
