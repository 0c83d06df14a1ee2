using ResistanceSim.Plotting.Colors;

namespace ResistanceSim.Plotting.Charts;

/// <summary>
/// One clone of a Muller plot: its id, its parent's id (null, or an id not in the input, for a
/// founder), a label, the mechanism family that colours it, and its cell count at each time.
/// </summary>
public sealed record MullerClone(long Id, long? ParentId, string Label, string Family, double[] Counts);

/// <summary>Input of <see cref="MullerChart"/>. Clones are listed in birth order (siblings are stacked in this order).</summary>
public sealed record MullerInput(string Title, double[] Times, IReadOnlyList<MullerClone> Clones)
{
    /// <summary>Horizontal axis title.</summary>
    public string TimeLabel { get; init; } = "Time (days)";

    /// <summary>
    /// Fixed colours per family; other families get Okabe–Ito hues in order of appearance.
    /// By default the family "parental" is neutral grey so that resistant clones stand out.
    /// </summary>
    public IReadOnlyDictionary<string, RgbColor> FamilyColors { get; init; } =
        new Dictionary<string, RgbColor>(StringComparer.OrdinalIgnoreCase) { ["parental"] = Palette.Neutral };
}
