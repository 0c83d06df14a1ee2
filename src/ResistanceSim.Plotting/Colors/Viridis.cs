namespace ResistanceSim.Plotting.Colors;

/// <summary>
/// The viridis sequential colormap: perceptually uniform, monotone in lightness, readable in
/// grey-scale print and with colour-vision deficiency. Source: van der Walt S, Smith N (2015),
/// matplotlib colormap "viridis"; the 11 anchors below are its values at 0, 0.1, …, 1, and
/// intermediate values are interpolated linearly in sRGB (visually indistinguishable from the
/// 256-entry table at heatmap scale).
/// </summary>
public static class Viridis
{
    private static readonly RgbColor[] Anchors =
    [
        RgbColor.FromHex("#440154"), RgbColor.FromHex("#482475"), RgbColor.FromHex("#414487"),
        RgbColor.FromHex("#355f8d"), RgbColor.FromHex("#2a788e"), RgbColor.FromHex("#21918c"),
        RgbColor.FromHex("#22a884"), RgbColor.FromHex("#44bf70"), RgbColor.FromHex("#7ad151"),
        RgbColor.FromHex("#bddf26"), RgbColor.FromHex("#fde725"),
    ];

    /// <summary>Colour at <paramref name="t"/> in [0, 1] (clamped); 0 is dark purple, 1 is yellow.</summary>
    public static RgbColor At(double t)
    {
        if (double.IsNaN(t))
        {
            throw new ArgumentOutOfRangeException(nameof(t), "Colormap position must not be NaN.");
        }

        double scaled = Math.Clamp(t, 0, 1) * (Anchors.Length - 1);
        int lower = Math.Min((int)Math.Floor(scaled), Anchors.Length - 2);
        return Anchors[lower].Mix(Anchors[lower + 1], scaled - lower);
    }
}
