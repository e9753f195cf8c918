using System.Globalization;

namespace Fkj.Cdr.Load.Reporting.Plots;

/// <summary>An opaque 8-bit colour.</summary>
public readonly record struct Rgb(byte R, byte G, byte B)
{
    public static Rgb White { get; } = new(255, 255, 255);

    public static Rgb Black { get; } = new(0, 0, 0);

    /// <summary>From <c>#rrggbb</c>.</summary>
    public static Rgb Parse(string hex)
    {
        var h = hex.TrimStart('#');
        if (h.Length != 6 || !uint.TryParse(h, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var v))
        {
            throw new FormatException($"'{hex}' is not a colour of the form #rrggbb.");
        }
        return new Rgb((byte)(v >> 16), (byte)(v >> 8), (byte)v);
    }

    /// <summary>This colour laid over <paramref name="background"/> with the given coverage (0 to 1).</summary>
    public Rgb Over(Rgb background, double coverage)
    {
        var a = Math.Clamp(coverage, 0, 1);
        return new Rgb(Mix(R, background.R, a), Mix(G, background.G, a), Mix(B, background.B, a));
    }

    private static byte Mix(byte front, byte back, double a) => (byte)Math.Round(back + (front - back) * a);

    public override string ToString() => $"#{R:x2}{G:x2}{B:x2}";
}
