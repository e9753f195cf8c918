namespace Fkj.Cdr.Load.Reporting.Plots;

/// <summary>
/// An RGB raster to draw plots on. Lines and markers are anti-aliased by coverage: each pixel near a shape is
/// blended by how much of it (by distance from its centre to the shape's edge, within half a pixel) the shape
/// covers; with <see cref="AntiAlias"/> off a pixel is either drawn or not. Pixel (x, y) covers the square from
/// (x, y) to (x + 1, y + 1), so its centre is at (x + 0.5, y + 0.5). Drawing outside <see cref="Clip"/> does nothing.
/// </summary>
public sealed class Canvas
{
    private readonly byte[] _rgb;

    public Canvas(int width, int height, Rgb background)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        Width = width;
        Height = height;
        _rgb = new byte[width * height * 3];
        Clip = Bounds;
        FillRect(Bounds, background);
    }

    public int Width { get; }

    public int Height { get; }

    public PixelRect Bounds => new(0, 0, Width, Height);

    /// <summary>Where drawing has an effect; always within the canvas.</summary>
    public PixelRect Clip
    {
        get;
        set => field = value.Intersect(Bounds);
    }

    public bool AntiAlias { get; set; } = true;

    /// <summary>The pixels, rows top to bottom, R, G, B per pixel.</summary>
    public ReadOnlySpan<byte> Pixels => _rgb;

    public Rgb this[int x, int y]
    {
        get
        {
            var i = (y * Width + x) * 3;
            return new Rgb(_rgb[i], _rgb[i + 1], _rgb[i + 2]);
        }
    }

    public byte[] ToPng() => PngEncoder.Encode(Width, Height, _rgb);

    /// <summary>Lays <paramref name="color"/> over pixel (x, y) with the given coverage.</summary>
    public void Blend(int x, int y, Rgb color, double coverage)
    {
        if (!Clip.Contains(x, y) || coverage <= 0)
        {
            return;
        }
        if (!AntiAlias)
        {
            if (coverage < 0.5)
            {
                return;
            }
            coverage = 1;
        }
        var i = (y * Width + x) * 3;
        var mixed = coverage >= 1 ? color : color.Over(new Rgb(_rgb[i], _rgb[i + 1], _rgb[i + 2]), coverage);
        _rgb[i] = mixed.R;
        _rgb[i + 1] = mixed.G;
        _rgb[i + 2] = mixed.B;
    }

    public void FillRect(PixelRect rect, Rgb color)
    {
        var r = rect.Intersect(Clip);
        for (var y = r.Top; y < r.Bottom; y++)
        {
            for (var x = r.Left; x < r.Right; x++)
            {
                var i = (y * Width + x) * 3;
                _rgb[i] = color.R;
                _rgb[i + 1] = color.G;
                _rgb[i + 2] = color.B;
            }
        }
    }

    /// <summary>The outline of a rectangle, one pixel wide, inside it.</summary>
    public void StrokeRect(PixelRect rect, Rgb color)
    {
        FillRect(rect with { Height = 1 }, color);
        FillRect(rect with { Top = rect.Bottom - 1, Height = 1 }, color);
        FillRect(rect with { Width = 1 }, color);
        FillRect(rect with { Left = rect.Right - 1, Width = 1 }, color);
    }

    /// <summary>A straight line from (x0, y0) to (x1, y1), <paramref name="width"/> pixels wide, with round ends.</summary>
    public void Line(double x0, double y0, double x1, double y1, double width, Rgb color)
    {
        var half = width / 2;
        var reach = half + 1;
        var dx = x1 - x0;
        var dy = y1 - y0;
        var lengthSquared = dx * dx + dy * dy;
        ForEachPixel(Math.Min(x0, x1) - reach, Math.Min(y0, y1) - reach, Math.Max(x0, x1) + reach, Math.Max(y0, y1) + reach, (x, y) =>
        {
            var px = x + 0.5;
            var py = y + 0.5;
            var t = lengthSquared == 0 ? 0 : Math.Clamp(((px - x0) * dx + (py - y0) * dy) / lengthSquared, 0, 1);
            var ex = px - (x0 + t * dx);
            var ey = py - (y0 + t * dy);
            Blend(x, y, color, half + 0.5 - Math.Sqrt(ex * ex + ey * ey));
        });
    }

    /// <summary>
    /// A polyline through <paramref name="points"/>; with a <paramref name="dash"/> pattern (on, off, on, off, ... in
    /// pixels) it is drawn dashed, the pattern running on across the corners.
    /// </summary>
    public void Polyline(IReadOnlyList<(double X, double Y)> points, double width, Rgb color, IReadOnlyList<double>? dash = null)
    {
        if (dash is null || dash.Count == 0)
        {
            for (var i = 1; i < points.Count; i++)
            {
                Line(points[i - 1].X, points[i - 1].Y, points[i].X, points[i].Y, width, color);
            }
            return;
        }
        var patternIndex = 0;
        var leftInPattern = dash[0];
        for (var i = 1; i < points.Count; i++)
        {
            var (ax, ay) = points[i - 1];
            var (bx, by) = points[i];
            var length = Math.Sqrt((bx - ax) * (bx - ax) + (by - ay) * (by - ay));
            var at = 0.0;
            while (at < length)
            {
                var step = Math.Min(leftInPattern, length - at);
                if (patternIndex % 2 == 0)
                {
                    var t0 = at / length;
                    var t1 = (at + step) / length;
                    Line(ax + (bx - ax) * t0, ay + (by - ay) * t0, ax + (bx - ax) * t1, ay + (by - ay) * t1, width, color);
                }
                at += step;
                leftInPattern -= step;
                if (leftInPattern <= 1e-9)
                {
                    patternIndex = (patternIndex + 1) % dash.Count;
                    leftInPattern = dash[patternIndex];
                }
            }
        }
    }

    /// <summary>A marker of the given shape centred on (cx, cy), <paramref name="size"/> pixels across.</summary>
    public void Marker(double cx, double cy, MarkerShape shape, double size, Rgb color, Rgb inside)
    {
        var r = size / 2;
        switch (shape)
        {
            case MarkerShape.None:
                return;
            case MarkerShape.Circle:
                Disc(cx, cy, r, color);
                return;
            case MarkerShape.OpenCircle:
                Disc(cx, cy, r, color);
                Disc(cx, cy, Math.Max(0.5, r - 2), inside);
                return;
            case MarkerShape.Square:
                Shape(cx, cy, r, color, (ex, ey) => r + 0.5 - Math.Max(Math.Abs(ex), Math.Abs(ey)));
                return;
            case MarkerShape.Diamond:
            {
                // Corners 1.3 r out, so that it looks about as large as the square; coverage by distance to the nearest edge.
                var corner = r * 1.3;
                Shape(cx, cy, corner, color, (ex, ey) => 0.5 - (Math.Abs(ex) + Math.Abs(ey) - corner) / Math.Sqrt(2));
                return;
            }
        }
    }

    public void Disc(double cx, double cy, double radius, Rgb color) =>
        Shape(cx, cy, radius, color, (ex, ey) => radius + 0.5 - Math.Sqrt(ex * ex + ey * ey));

    /// <summary>Text in <see cref="BitmapFont"/>, its top left corner at (x, y), each font pixel <paramref name="scale"/> pixels square.</summary>
    public void Text(int x, int y, string text, Rgb color, int scale = 1)
    {
        var cursor = x;
        foreach (var ch in text)
        {
            var glyph = BitmapFont.Glyph(ch);
            for (var row = 0; row < glyph.Length; row++)
            {
                for (var col = 0; col < BitmapFont.GlyphWidth; col++)
                {
                    if ((glyph[row] & (1 << (BitmapFont.GlyphWidth - 1 - col))) != 0)
                    {
                        FillRect(new PixelRect(cursor + col * scale, y + row * scale, scale, scale), color);
                    }
                }
            }
            cursor += BitmapFont.Advance * scale;
        }
    }

    /// <summary>Text turned a quarter turn anticlockwise (read bottom to top), its first character's bottom left corner at (x, y).</summary>
    public void TextUp(int x, int y, string text, Rgb color, int scale = 1)
    {
        var cursor = y;
        foreach (var ch in text)
        {
            var glyph = BitmapFont.Glyph(ch);
            for (var row = 0; row < glyph.Length; row++)
            {
                for (var col = 0; col < BitmapFont.GlyphWidth; col++)
                {
                    if ((glyph[row] & (1 << (BitmapFont.GlyphWidth - 1 - col))) != 0)
                    {
                        // Glyph column runs up, glyph row runs right.
                        FillRect(new PixelRect(x + row * scale, cursor - (col + 1) * scale, scale, scale), color);
                    }
                }
            }
            cursor -= BitmapFont.Advance * scale;
        }
    }

    /// <summary>A shape within <paramref name="extent"/> of its centre; <paramref name="coverage"/> tells from a pixel centre's offset how much of it is covered.</summary>
    private void Shape(double cx, double cy, double extent, Rgb color, Func<double, double, double> coverage) =>
        ForEachPixel(cx - extent - 1, cy - extent - 1, cx + extent + 1, cy + extent + 1,
            (x, y) => Blend(x, y, color, coverage(x + 0.5 - cx, y + 0.5 - cy)));

    private void ForEachPixel(double left, double top, double right, double bottom, Action<int, int> action)
    {
        var x0 = Math.Max(Clip.Left, (int)Math.Floor(left));
        var y0 = Math.Max(Clip.Top, (int)Math.Floor(top));
        var x1 = Math.Min(Clip.Right - 1, (int)Math.Ceiling(right));
        var y1 = Math.Min(Clip.Bottom - 1, (int)Math.Ceiling(bottom));
        for (var y = y0; y <= y1; y++)
        {
            for (var x = x0; x <= x1; x++)
            {
                action(x, y);
            }
        }
    }
}
