namespace ResistanceSim.Plotting.Colors;

/// <summary>
/// Categorical colours from the Okabe–Ito palette, distinguishable with the common forms of
/// colour-vision deficiency. Source: Okabe M, Ito K (2002/2008), "Color Universal Design (CUD):
/// how to make figures and presentations that are friendly to colorblind people",
/// https://jfly.uni-koeln.de/color/ (also Wong B, Nature Methods 8:441, 2011).
/// </summary>
public static class Palette
{
    /// <summary>Okabe–Ito black, reserved for totals and reference lines.</summary>
    public static RgbColor Black { get; } = RgbColor.FromHex("#000000");

    /// <summary>Neutral grey for parental/sensitive cells and missing data.</summary>
    public static RgbColor Neutral { get; } = RgbColor.FromHex("#bbbbbb");

    /// <summary>
    /// The seven Okabe–Ito hues in the order series receive them. Yellow is last because it has
    /// the least contrast on white.
    /// </summary>
    public static IReadOnlyList<RgbColor> Categorical { get; } =
    [
        RgbColor.FromHex("#e69f00"), // orange
        RgbColor.FromHex("#56b4e9"), // sky blue
        RgbColor.FromHex("#009e73"), // bluish green
        RgbColor.FromHex("#0072b2"), // blue
        RgbColor.FromHex("#d55e00"), // vermillion
        RgbColor.FromHex("#cc79a7"), // reddish purple
        RgbColor.FromHex("#f0e442"), // yellow
    ];

    /// <summary>
    /// Colour of the <paramref name="index"/>-th series. After the seven hues the palette repeats
    /// as 45% tints (distinct up to 14 series; more series should be a different chart).
    /// </summary>
    public static RgbColor Series(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var hue = Categorical[index % Categorical.Count];
        bool firstRound = index < Categorical.Count;
        return firstRound ? hue : hue.Tint(0.45);
    }

    /// <summary>Stroke dash pattern of the <paramref name="index"/>-th series, a second cue besides colour.</summary>
    public static string? Dash(int index) => (index % 4) switch
    {
        0 => null,
        1 => "8 4",
        2 => "2 3",
        _ => "10 3 2 3",
    };
}
