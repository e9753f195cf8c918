using System.Text;
using Fkj.Cdr.Load.Reporting.Plots;

namespace Fkj.Cdr.Load.Tests.Reporting.Plots;

public sealed class PngEncoderTests
{
    [Fact]
    public void The_file_has_the_signature_and_an_IHDR_for_8_bit_RGB_without_interlace()
    {
        var png = PngReader.Read(PngEncoder.Encode(7, 3, new byte[7 * 3 * 3]));

        Assert.Equal(["IHDR", "IDAT", "IEND"], png.Chunks.Select(c => c.Type));
        Assert.Equal(13, png.Chunks[0].Data.Length);
        Assert.Equal((7, 3), (png.Width, png.Height));
        Assert.Equal(8, png.BitDepth);
        Assert.Equal(2, png.ColourType);
        Assert.Equal(0, png.Interlace);
        Assert.Empty(png.Chunks[^1].Data);
    }

    [Fact]
    public void Every_chunk_carries_the_CRC_of_its_type_and_data()
    {
        var png = PngReader.Read(PngEncoder.Encode(40, 30, Noise(40, 30, seed: 3)));

        Assert.All(png.Chunks, c => Assert.Equal(c.ComputedCrc, c.StoredCrc));
        // The CRC of an empty IEND is a constant every PNG ends with.
        Assert.Equal(0xAE426082u, png.Chunks[^1].StoredCrc);
    }

    [Fact]
    public void IDAT_inflates_to_one_filtered_row_per_line_of_the_right_size()
    {
        const int width = 33, height = 17;
        var png = PngReader.Read(PngEncoder.Encode(width, height, Noise(width, height, seed: 5)));

        Assert.Equal(height * (1 + width * 3), png.Scanlines.Length);
        for (var y = 0; y < height; y++)
        {
            Assert.InRange(png.Scanlines[y * (1 + width * 3)], 0, 4);
        }
    }

    [Fact]
    public void Decoding_gives_back_every_pixel()
    {
        const int width = 50, height = 20;
        var rgb = Noise(width, height, seed: 7);
        // Flat and striped rows too, which make the encoder pick Sub and Up.
        for (var x = 0; x < width * 3; x++)
        {
            rgb[x] = 200;
            rgb[width * 3 + x] = 200;
            rgb[2 * width * 3 + x] = (byte)(x * 5);
        }

        var png = PngReader.Read(PngEncoder.Encode(width, height, rgb));

        Assert.Equal(rgb, png.Rgb);
    }

    [Fact]
    public void A_buffer_of_the_wrong_size_is_refused()
    {
        Assert.Throws<ArgumentException>(() => PngEncoder.Encode(4, 4, new byte[4 * 4 * 3 - 1]));
    }

    [Fact]
    public void Crc32_matches_the_standard_check_value()
    {
        Assert.Equal(0xCBF43926u, Crc32.Compute(Encoding.ASCII.GetBytes("123456789")));
        Assert.Equal(0u, Crc32.Compute([]));
    }

    private static byte[] Noise(int width, int height, int seed)
    {
        var bytes = new byte[width * height * 3];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
