using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Fkj.Cdr.Load.Reporting.Plots;

/// <summary>
/// Writes 8-bit RGB images as PNG (ISO/IEC 15948): the signature, IHDR, one IDAT holding the zlib stream of the
/// filtered scanlines, and IEND, each chunk with its CRC-32. Each row gets the filter (None, Sub or Up) whose output
/// has the smallest sum of absolute values, the heuristic the PNG specification suggests; plots, with their flat
/// areas and straight lines, compress well with it.
/// </summary>
public static class PngEncoder
{
    public static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Bytes per pixel: R, G, B.</summary>
    public const int BytesPerPixel = 3;

    /// <summary>Encodes <paramref name="rgb"/> (rows top to bottom, <c>width * 3</c> bytes each) as a PNG file.</summary>
    public static byte[] Encode(int width, int height, ReadOnlySpan<byte> rgb)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        var stride = width * BytesPerPixel;
        if (rgb.Length != (long)stride * height)
        {
            throw new ArgumentException($"{width}×{height} RGB needs {stride * (long)height} bytes, not {rgb.Length}.", nameof(rgb));
        }

        using var file = new MemoryStream();
        file.Write(Signature);

        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8;  // bit depth
        header[9] = 2;  // colour type: truecolour (RGB)
        header[10] = 0; // compression: deflate
        header[11] = 0; // filter method: adaptive, five filter types
        header[12] = 0; // no interlace
        WriteChunk(file, "IHDR", header);

        WriteChunk(file, "IDAT", Compress(rgb, stride, height));
        WriteChunk(file, "IEND", []);
        return file.ToArray();
    }

    private static byte[] Compress(ReadOnlySpan<byte> rgb, int stride, int height)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var candidates = new byte[3][];
            for (var f = 0; f < candidates.Length; f++)
            {
                candidates[f] = new byte[1 + stride];
                candidates[f][0] = (byte)f;
            }
            for (var y = 0; y < height; y++)
            {
                var row = rgb.Slice(y * stride, stride);
                var above = y == 0 ? ReadOnlySpan<byte>.Empty : rgb.Slice((y - 1) * stride, stride);
                var best = 0;
                var bestCost = long.MaxValue;
                for (var f = 0; f < candidates.Length; f++)
                {
                    var cost = Filter(f, row, above, candidates[f].AsSpan(1));
                    if (cost < bestCost)
                    {
                        best = f;
                        bestCost = cost;
                    }
                }
                zlib.Write(candidates[best]);
            }
        }
        return compressed.ToArray();
    }

    /// <summary>Applies filter type 0 (None), 1 (Sub) or 2 (Up) to a row; returns the sum of the outputs as signed bytes.</summary>
    private static long Filter(int type, ReadOnlySpan<byte> row, ReadOnlySpan<byte> above, Span<byte> output)
    {
        long cost = 0;
        for (var i = 0; i < row.Length; i++)
        {
            var predictor = type switch
            {
                1 => i >= BytesPerPixel ? row[i - BytesPerPixel] : 0,
                2 => above.IsEmpty ? 0 : above[i],
                _ => 0,
            };
            var value = (byte)(row[i] - predictor);
            output[i] = value;
            cost += Math.Abs((int)(sbyte)value);
        }
        return cost;
    }

    private static void WriteChunk(Stream file, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        file.Write(word);
        Span<byte> typeBytes = stackalloc byte[4];
        Encoding.ASCII.GetBytes(type, typeBytes);
        file.Write(typeBytes);
        file.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Finish(Crc32.Update(Crc32.Update(Crc32.Start, typeBytes), data)));
        file.Write(word);
    }
}
