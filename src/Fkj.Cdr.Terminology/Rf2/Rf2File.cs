using System.IO.Compression;

namespace Fkj.Cdr.Terminology.Rf2;

/// <summary>
/// One RF2 file of a release, in a folder or a zip: its name (sct2_Concept_Snapshot_INT_20250101.txt), kind,
/// release type and columns. The rows are read by <see cref="Rf2Reader"/>.
/// </summary>
public sealed class Rf2File
{
    private readonly Func<Stream> open;
    private IReadOnlyList<string>? columns;

    internal Rf2File(string location, string name, Func<Stream> open)
    {
        Location = location;
        Name = name;
        this.open = open;
        var parts = Path.GetFileNameWithoutExtension(name).Split('_');
        ContentType = parts.Length > 1 ? parts[1] : "";
        var subType = parts.Length > 2 ? parts[2] : "";
        ReleaseType = subType.Contains("Snapshot", StringComparison.Ordinal) ? "Snapshot"
            : subType.Contains("Delta", StringComparison.Ordinal) ? "Delta"
            : subType.Contains("Full", StringComparison.Ordinal) ? "Full" : "";
        IsRefset = name.StartsWith("der2_", StringComparison.Ordinal)
                   || ContentType.EndsWith("Refset", StringComparison.Ordinal);
    }

    /// <summary>The file's path, or the zip's path and the entry name.</summary>
    public string Location { get; }

    public string Name { get; }

    /// <summary>The second part of the name: Concept, Description, Relationship, cRefset, ...</summary>
    public string ContentType { get; }

    /// <summary>Snapshot, Full or Delta ("" when the name does not say).</summary>
    public string ReleaseType { get; }

    public bool IsRefset { get; }

    /// <summary>The header's column names.</summary>
    public IReadOnlyList<string> Columns => columns ??= ReadHeader();

    public Rf2FileKind Kind => IsRefset ? RefsetKind() : ContentType switch
    {
        "Concept" => Rf2FileKind.Concept,
        "Description" => Rf2FileKind.Description,
        "TextDefinition" => Rf2FileKind.TextDefinition,
        "Relationship" => Rf2FileKind.Relationship,
        "StatedRelationship" => Rf2FileKind.StatedRelationship,
        "RelationshipConcreteValues" => Rf2FileKind.ConcreteValue,
        _ => Rf2FileKind.Other,
    };

    public Stream Open() => open();

    public override string ToString() => Location;

    private Rf2FileKind RefsetKind()
    {
        if (ContentType.Contains("OWL", StringComparison.Ordinal) || Name.Contains("_sRefset_OWL", StringComparison.Ordinal))
        {
            return Rf2FileKind.OtherRefset;
        }

        var c = Columns;
        if (c.Count == 6)
        {
            return Rf2FileKind.SimpleRefset;
        }

        return c.Contains("acceptabilityId") ? Rf2FileKind.LanguageRefset
            : c.Contains("mapTarget") ? Rf2FileKind.MapRefset
            : c.Contains("targetComponentId") ? Rf2FileKind.AssociationRefset
            : Rf2FileKind.OtherRefset;
    }

    private IReadOnlyList<string> ReadHeader()
    {
        using var reader = new StreamReader(Open());
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                return line.TrimEnd('\r').Split('\t');
            }
        }

        return [];
    }

    /// <summary>
    /// A file known only by its name and columns, as the CDR's terminology tables keep a reference set's: it names the
    /// fields of stored members (<see cref="Rf2RefsetMember.Field"/>) and has no rows to open.
    /// </summary>
    public static Rf2File Stored(string name, IReadOnlyList<string> columns) =>
        new(name, name, () => throw new InvalidOperationException($"{name} is stored in the database; it has no file to open")) { columns = columns };

    /// <summary>The same file, read through <paramref name="wrap"/> (counting and hashing what an import reads).</summary>
    internal Rf2File Wrapped(Func<Stream, Stream> wrap) => new(Location, Name, () => wrap(open())) { columns = Columns };

    internal static Rf2File InZip(string zipPath, string entryName) =>
        new($"{zipPath}!{entryName}", Path.GetFileName(entryName), () => new ZipEntryStream(zipPath, entryName));

    /// <summary>An entry's stream that closes its archive with it.</summary>
    private sealed class ZipEntryStream : Stream
    {
        private readonly ZipArchive archive;
        private readonly Stream inner;

        public ZipEntryStream(string zipPath, string entryName)
        {
            archive = ZipFile.OpenRead(zipPath);
            inner = archive.GetEntry(entryName)!.Open();
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override int Read(Span<byte> buffer) => inner.Read(buffer);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                archive.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
