using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Fkj.Cdr.Load.Tests.Reporting.Plots;

/// <summary>
/// A PNG reader for the tests, written from the specification and sharing no code with the encoder: it walks the
/// chunks, checks each CRC with a bit-by-bit CRC-32 (no table), inflates the IDAT data and undoes the five filter
/// types, for 8-bit RGB without interlace.
/// </summary>
internal sealed class PngReader
{
    public required IReadOnlyList<(string Type, byte[] Data, uint StoredCrc, uint ComputedCrc)> Chunks { get; init; }

    public required int Width { get; init; }

    public required int Height { get; init; }

    public required byte BitDepth { get; init; }

    public required byte ColourType { get; init; }

    public required byte Interlace { get; init; }

    /// <summary>The inflated IDAT stream: one filter byte and the filtered bytes per row.</summary>
    public required byte[] Scanlines { get; init; }

    public required byte[] Rgb { get; init; }

    public (byte R, byte G, byte B) Pixel(int x, int y)
    {
        var i = (y * Width + x) * 3;
        return (Rgb[i], Rgb[i + 1], Rgb[i + 2]);
    }

    public static readonly byte[] ExpectedSignature = [137, 80, 78, 71, 13, 10, 26, 10];

    public static PngReader Read(byte[] file)
    {
        if (!file.AsSpan(0, 8).SequenceEqual(ExpectedSignature))
        {
            throw new InvalidDataException("No PNG signature.");
        }
        var chunks = new List<(string, byte[], uint, uint)>();
        var at = 8;
        while (at < file.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(at));
            var type = Encoding.ASCII.GetString(file, at + 4, 4);
            var data = file.AsSpan(at + 8, length).ToArray();
            var stored = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(at + 8 + length));
            var computed = BitwiseCrc(file.AsSpan(at + 4, 4 + length));
            chunks.Add((type, data, stored, computed));
            at += 12 + length;
        }
        var header = chunks[0].Item2;
        var width = BinaryPrimitives.ReadInt32BigEndian(header);
        var height = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4));

        using var compressed = new MemoryStream(chunks.Where(c => c.Item1 == "IDAT").SelectMany(c => c.Item2).ToArray());
        using var zlib = new ZLibStream(compressed, CompressionMode.Decompress);
        using var inflated = new MemoryStream();
        zlib.CopyTo(inflated);
        var scanlines = inflated.ToArray();

        return new PngReader
        {
            Chunks = chunks,
            Width = width,
            Height = height,
            BitDepth = header[8],
            ColourType = header[9],
            Interlace = header[12],
            Scanlines = scanlines,
            Rgb = Unfilter(scanlines, width, height),
        };
    }

    private static byte[] Unfilter(byte[] scanlines, int width, int height)
    {
        const int bpp = 3;
        var stride = width * bpp;
        var rgb = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = scanlines[y * (stride + 1)];
            for (var i = 0; i < stride; i++)
            {
                var raw = scanlines[y * (stride + 1) + 1 + i];
                int a = i >= bpp ? rgb[y * stride + i - bpp] : 0;
                int b = y > 0 ? rgb[(y - 1) * stride + i] : 0;
                int c = i >= bpp && y > 0 ? rgb[(y - 1) * stride + i - bpp] : 0;
                var predictor = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"Row {y}: filter type {filter}."),
                };
                rgb[y * stride + i] = (byte)(raw + predictor);
            }
        }
        return rgb;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static uint BitwiseCrc(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var octet in data)
        {
            crc ^= octet;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }
}
