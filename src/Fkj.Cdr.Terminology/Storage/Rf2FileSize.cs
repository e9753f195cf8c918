using System.IO.Compression;
using Fkj.Cdr.Terminology.Rf2;

namespace Fkj.Cdr.Terminology.Storage;

/// <summary>The uncompressed size of an RF2 file, in a folder or a zip (location "archive.zip!entry").</summary>
internal static class Rf2FileSize
{
    public static long Of(Rf2File file)
    {
        if (File.Exists(file.Location))
        {
            return new FileInfo(file.Location).Length;
        }

        var bang = file.Location.IndexOf(".zip!", StringComparison.OrdinalIgnoreCase);
        if (bang < 0)
        {
            return 0;
        }

        using var zip = ZipFile.OpenRead(file.Location[..(bang + 4)]);
        return zip.GetEntry(file.Location[(bang + 5)..])?.Length ?? 0;
    }
}
