using Fkj.Cdr.Load.Reporting.Plots;

namespace Fkj.Cdr.Load.Tests.Reporting.Plots;

public sealed class CanvasTests
{
    private static readonly Rgb Ink = new(0, 0, 0);

    [Fact]
    public void An_anti_aliased_line_has_partly_covered_pixels_at_its_edges_and_an_aliased_one_does_not()
    {
        var smooth = new Canvas(60, 60, Rgb.White);
        smooth.Line(5, 7, 55, 41, 2, Ink);
        var hard = new Canvas(60, 60, Rgb.White) { AntiAlias = false };
        hard.Line(5, 7, 55, 41, 2, Ink);

        Assert.Contains(Colours(smooth), c => c != Ink && c != Rgb.White);
        Assert.All(Colours(hard), c => Assert.True(c == Ink || c == Rgb.White));
        Assert.Equal(Ink, hard[30, 24]);  // on the line: y = 7 + (30.5 - 5) * 34 / 50
    }

    [Fact]
    public void A_dashed_line_leaves_gaps_of_the_pattern()
    {
        var canvas = new Canvas(100, 10, Rgb.White) { AntiAlias = false };
        canvas.Polyline([(0, 5), (100, 5)], 1, Ink, [10, 10]);

        Assert.Equal(Ink, canvas[5, 4]);
        Assert.Equal(Rgb.White, canvas[15, 4]);
        Assert.Equal(Ink, canvas[25, 4]);
        Assert.Equal(Rgb.White, canvas[35, 4]);
    }

    [Fact]
    public void Nothing_is_drawn_outside_the_clip()
    {
        var canvas = new Canvas(40, 40, Rgb.White) { Clip = new PixelRect(10, 10, 20, 20) };
        canvas.Line(0, 20, 40, 20, 3, Ink);
        canvas.Text(0, 0, "WWWWWWW", Ink, 2);

        Assert.Equal(Rgb.White, canvas[5, 19]);
        Assert.Equal(Ink, canvas[15, 19]);
        Assert.Equal(Rgb.White, canvas[35, 19]);
        Assert.Equal(Rgb.White, canvas[2, 2]);
    }

    [Fact]
    public void Text_draws_each_glyph_pixel_as_a_square_of_the_scale()
    {
        // 'T': the top row full, then the middle column.
        var canvas = new Canvas(20, 20, Rgb.White);
        canvas.Text(2, 3, "T", Ink, 2);

        for (var col = 0; col < 5; col++)
        {
            Assert.Equal(Ink, canvas[2 + col * 2 + 1, 3 + 1]);
        }
        Assert.Equal(Ink, canvas[2 + 2 * 2, 3 + 6 * 2]);
        Assert.Equal(Rgb.White, canvas[2, 3 + 6 * 2]);
        Assert.Equal(Rgb.White, canvas[2 + 5 * 2, 3]);
    }

    [Fact]
    public void Upward_text_turns_the_glyph_a_quarter_anticlockwise()
    {
        // 'L' upright: the left column and the bottom row. Turned: the bottom row and the right column.
        var canvas = new Canvas(20, 20, Rgb.White) { AntiAlias = false };
        canvas.TextUp(2, 15, "L", Ink);

        for (var i = 0; i < 7; i++)
        {
            Assert.Equal(Ink, canvas[2 + i, 14]);
        }
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(Ink, canvas[2 + 6, 14 - i]);
        }
        Assert.Equal(Rgb.White, canvas[2, 13]);
    }

    [Fact]
    public void The_font_has_every_printable_ASCII_character_five_pixels_wide()
    {
        for (var c = ' '; c <= '~'; c++)
        {
            Assert.True(BitmapFont.Has(c), $"no glyph for '{c}'");
            foreach (var row in BitmapFont.Glyph(c).ToArray())
            {
                Assert.InRange(row, 0, 31);
            }
        }
        Assert.Equal(BitmapFont.Glyph('?').ToArray(), BitmapFont.Glyph('\u263A').ToArray());
        Assert.Equal(11, BitmapFont.Measure("ab"));
    }

    private static IEnumerable<Rgb> Colours(Canvas canvas)
    {
        for (var y = 0; y < canvas.Height; y++)
        {
            for (var x = 0; x < canvas.Width; x++)
            {
                yield return canvas[x, y];
            }
        }
    }
}
