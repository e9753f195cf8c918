using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.DataTypes;

/// <summary>DV_MULTIMEDIA: an image, document, recording or other media, inline or by URI.</summary>
public sealed class DvMultimedia : DvEncapsulated
{
    public string? AlternateText { get; set; }

    public DvUri? Uri { get; set; }

    /// <summary>Base64 text kept as written, so it is not decoded and re-encoded on every pass.</summary>
    public string? Data { get; set; }

    public CodePhrase MediaType { get; set; } = new();

    public CodePhrase? CompressionAlgorithm { get; set; }

    /// <summary>Base64 text kept as written.</summary>
    public string? IntegrityCheck { get; set; }

    public CodePhrase? IntegrityCheckAlgorithm { get; set; }

    /// <summary>Size in bytes of the original media, before any compression.</summary>
    public int Size { get; set; }

    public DvMultimedia? Thumbnail { get; set; }

    public new static readonly RmType Meta = RmType.Concrete("DV_MULTIMEDIA", () => new DvMultimedia())
        .Text("alternate_text", o => o.AlternateText, (o, v) => o.AlternateText = v)
        .Object<DvUri>("uri", o => o.Uri, (o, v) => o.Uri = v)
        .Text("data", o => o.Data, (o, v) => o.Data = v)
        .Object<CodePhrase>("media_type", o => o.MediaType, (o, v) => o.MediaType = v, required: true)
        .Object<CodePhrase>("compression_algorithm", o => o.CompressionAlgorithm, (o, v) => o.CompressionAlgorithm = v)
        .Text("integrity_check", o => o.IntegrityCheck, (o, v) => o.IntegrityCheck = v)
        .Object<CodePhrase>("integrity_check_algorithm", o => o.IntegrityCheckAlgorithm, (o, v) => o.IntegrityCheckAlgorithm = v)
        .Integer("size", o => o.Size, (o, v) => o.Size = v, required: true)
        .Object<DvMultimedia>("thumbnail", o => o.Thumbnail, (o, v) => o.Thumbnail = v);

    public override RmType RmType => Meta;
}
