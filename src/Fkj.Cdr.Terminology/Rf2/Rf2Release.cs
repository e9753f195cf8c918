using System.IO.Compression;

namespace Fkj.Cdr.Terminology.Rf2;

/// <summary>
/// The Snapshot files of one or more RF2 releases (an International release and national extensions), each a
/// folder (searched recursively: a package root, its Snapshot folder, or a folder of loose files) or a zip.
/// Full and Delta files are left out. Rows are streamed, file by file, in the order of the paths given; when
/// releases overlap, the reader of the rows (<see cref="Index.SnomedIndexBuilder"/>) keeps the latest
/// effectiveTime of each component.
/// </summary>
public sealed class Rf2Release : IRf2Source
{
    private Rf2Release(IReadOnlyList<Rf2File> files) => Files = files;

    public IReadOnlyList<Rf2File> Files { get; }

    public static Rf2Release Open(params string[] paths)
    {
        var files = new List<Rf2File>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*.txt", SearchOption.AllDirectories)
                    .Order(StringComparer.Ordinal)
                    .Select(f => new Rf2File(f, Path.GetFileName(f), () => File.OpenRead(f))));
            }
            else if (File.Exists(path) && path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            {
                using var zip = ZipFile.OpenRead(path);
                files.AddRange(zip.Entries
                    .Where(e => e.FullName.EndsWith(".txt", StringComparison.Ordinal) && !e.FullName.StartsWith("__MACOSX", StringComparison.Ordinal))
                    .Select(e => e.FullName)
                    .Order(StringComparer.Ordinal)
                    .Select(e => Rf2File.InZip(path, e)));
            }
            else
            {
                throw new FileNotFoundException($"no RF2 release folder or zip at {path}", path);
            }
        }

        var rf2 = files.Where(f => f.Name.StartsWith("sct2_", StringComparison.Ordinal) || f.Name.StartsWith("der2_", StringComparison.Ordinal));
        return new Rf2Release(rf2.Where(f => f.ReleaseType == "Snapshot").ToList());
    }

    public IEnumerable<Rf2File> FilesOf(Rf2FileKind kind) => Files.Where(f => f.Kind == kind);

    public IEnumerable<Rf2Concept> Concepts() => FilesOf(Rf2FileKind.Concept).SelectMany(Rf2Reader.Concepts);

    public IEnumerable<Rf2Description> Descriptions() => FilesOf(Rf2FileKind.Description).SelectMany(Rf2Reader.Descriptions);

    public IEnumerable<Rf2Description> TextDefinitions() => FilesOf(Rf2FileKind.TextDefinition).SelectMany(Rf2Reader.Descriptions);

    /// <summary>The inferred relationships (the only ones the index uses).</summary>
    public IEnumerable<Rf2Relationship> Relationships() => FilesOf(Rf2FileKind.Relationship).SelectMany(Rf2Reader.Relationships);

    public IEnumerable<Rf2Relationship> StatedRelationships() => FilesOf(Rf2FileKind.StatedRelationship).SelectMany(Rf2Reader.Relationships);

    public IEnumerable<Rf2ConcreteValue> ConcreteValues() => FilesOf(Rf2FileKind.ConcreteValue).SelectMany(Rf2Reader.ConcreteValues);

    public IEnumerable<Rf2RefsetMember> RefsetMembers(Rf2FileKind kind) => FilesOf(kind).SelectMany(Rf2Reader.RefsetMembers);
}
