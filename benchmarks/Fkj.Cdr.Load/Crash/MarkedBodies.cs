using System.Text;
using System.Text.Json.Nodes;
using Fkj.Cdr.Load.Compositions;
using Fkj.Cdr.Rm.Codecs.Json;
using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Storage.Records;

namespace Fkj.Cdr.Load.Crash;

/// <summary>
/// The bodies of the crash scenario: each commit sends one of the run's variants with its feeder message id
/// (<c>feeder_audit/feeder_system_item_ids[0]/id</c>) replaced by a uuid of its own, the commit's marker. Every
/// version found in the database can then be traced to the one request that sent it, acknowledged or not, and
/// its expected content rebuilt from the variant and the marker. Feeder audits are not in the query index, so
/// the marker changes no leaf row: a version's leaf rows must number what <see cref="LeafIndex.Extract"/> lists for its variant.
/// </summary>
public sealed class MarkedBodies
{
    /// <summary>Where the marker is in a stored document, as a PostgreSQL <c>#&gt;&gt;</c> path.</summary>
    public const string MarkerJsonPath = "{feeder_audit,feeder_system_item_ids,0,id}";

    private const int MarkerLength = 36;

    private readonly IReadOnlyList<CompositionBody> _variants;
    private readonly int[] _markerOffsets;
    private readonly int[] _leafCounts;

    public MarkedBodies(IReadOnlyList<CompositionBody> variants)
    {
        _variants = variants;
        _markerOffsets = new int[variants.Count];
        _leafCounts = new int[variants.Count];
        for (var i = 0; i < variants.Count; i++)
        {
            var utf8 = variants[i].Utf8;
            _markerOffsets[i] = MarkerOffset(utf8);
            _leafCounts[i] = LeafIndex.Extract(CanonicalJson.Decode<Composition>(utf8)).Count;
        }
    }

    public int Count => _variants.Count;

    /// <summary>Variant <paramref name="variant"/> carrying <paramref name="marker"/>.</summary>
    public byte[] Body(int variant, Guid marker)
    {
        var body = (byte[])_variants[variant].Utf8.Clone();
        var written = Encoding.ASCII.GetBytes(marker.ToString("D"), body.AsSpan(_markerOffsets[variant], MarkerLength));
        return written == MarkerLength ? body : throw new InvalidOperationException("A uuid is 36 characters.");
    }

    /// <summary>The leaf rows a version of <paramref name="variant"/> must have in the query index.</summary>
    public int LeafCount(int variant) => _leafCounts[variant];

    /// <summary>The offset of the feeder message id's text in the compact JSON; it must be a uuid that occurs once.</summary>
    private static int MarkerOffset(byte[] utf8)
    {
        var id = (JsonNode.Parse(utf8)?["feeder_audit"]?["feeder_system_item_ids"]?[0]?["id"] as JsonValue)?.GetValue<string>();
        if (id is null || id.Length != MarkerLength || !Guid.TryParseExact(id, "D", out _))
        {
            throw new LoadSetupException("The crash scenario marks each commit in feeder_audit/feeder_system_item_ids[0]/id, which this composition lacks (or holds no uuid there).");
        }
        var quoted = Encoding.UTF8.GetBytes($"\"{id}\"");
        var at = utf8.AsSpan().IndexOf(quoted);
        if (at < 0 || utf8.AsSpan(at + 1).IndexOf(quoted) >= 0)
        {
            throw new LoadSetupException($"The feeder message id {id} must occur exactly once in the composition.");
        }
        return at + 1;
    }
}
