using System.Security.Cryptography;
using System.Text;

namespace Fkj.Cdr.Cli.Import;

/// <summary>
/// Ids that depend only on the input, so that a re-run names what an earlier run stored and skips it: a composition's
/// versioned object id is a name-based UUID (version 5, RFC 9562) of its EHR's id and its file's path in the source
/// directory. (The EHR itself is found again by its subject.)
/// </summary>
public static class ImportIds
{
    /// <summary>The namespace of the names below (a random UUID chosen once for fkj import).</summary>
    public static readonly Guid Namespace = new("6b1f3a52-0c47-4d8e-9a35-2f6e8d1c7b90");

    /// <summary>The versioned object id of the composition in file <paramref name="relativePath"/> of EHR <paramref name="ehrId"/>.</summary>
    public static Guid Composition(Guid ehrId, string relativePath) => NameBased($"{ehrId:D}/{relativePath}");

    /// <summary>A contribution's uid (the --url import): named after its EHR and its versions' files, so a re-sent one is recognised.</summary>
    public static Guid Contribution(Guid ehrId, IEnumerable<string> relativePaths) => NameBased($"{ehrId:D}/contribution/{string.Join('|', relativePaths)}");

    /// <summary>A name-based UUID in <see cref="Namespace"/>.</summary>
    public static Guid NameBased(string name) => NameBased(Namespace, name);

    /// <summary>UUID version 5: SHA-1 of the namespace (big-endian bytes) and the name (UTF-8), with the version and variant bits set.</summary>
    public static Guid NameBased(Guid space, string name)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        space.TryWriteBytes(input, bigEndian: true, out _);
        nameBytes.CopyTo(input, 16);
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
