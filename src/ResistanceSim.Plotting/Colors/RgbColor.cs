using System.Globalization;

namespace ResistanceSim.Plotting.Colors;

/// <summary>An opaque sRGB colour.</summary>
public readonly record struct RgbColor(byte R, byte G, byte B)
{
    /// <summary>Parses <c>#rrggbb</c>.</summary>
    public static RgbColor FromHex(string hex)
    {
        if (hex.Length != 7 || hex[0] != '#')
        {
            throw new FormatException($"Expected a colour as #rrggbb, got '{hex}'.");
        }

        return new RgbColor(
            byte.Parse(hex.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            byte.Parse(hex.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            byte.Parse(hex.AsSpan(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
    }

    /// <summary>The colour as <c>#rrggbb</c> (lower case).</summary>
    public string ToHex() => string.Create(CultureInfo.InvariantCulture, $"#{R:x2}{G:x2}{B:x2}");

    /// <summary>Linear interpolation in sRGB: <paramref name="t"/> = 0 gives this colour, 1 gives <paramref name="other"/>.</summary>
    public RgbColor Mix(RgbColor other, double t)
    {
        t = Math.Clamp(t, 0, 1);
        return new RgbColor(Lerp(R, other.R, t), Lerp(G, other.G, t), Lerp(B, other.B, t));
    }

    /// <summary>This colour lightened towards white by fraction <paramref name="t"/>.</summary>
    public RgbColor Tint(double t) => Mix(new RgbColor(255, 255, 255), t);

    /// <summary>WCAG relative luminance (0 black .. 1 white), used to pick black or white text on a fill.</summary>
    public double RelativeLuminance()
    {
        static double Channel(byte v)
        {
            double c = v / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(R)) + (0.7152 * Channel(G)) + (0.0722 * Channel(B));
    }

    /// <summary>
    /// Near-black or white, whichever has the higher WCAG contrast ratio against this colour:
    /// the ink for a label drawn on a fill of this colour.
    /// </summary>
    public string ContrastingInk()
    {
        double luminance = RelativeLuminance();
        double contrastWithBlack = (luminance + 0.05) / 0.05;
        double contrastWithWhite = 1.05 / (luminance + 0.05);
        return contrastWithBlack >= contrastWithWhite ? "#111111" : "#ffffff";
    }

    /// <inheritdoc />
    public override string ToString() => ToHex();

    private static byte Lerp(byte a, byte b, double t) => (byte)Math.Round(a + ((b - a) * t));
}
