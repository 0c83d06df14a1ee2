using ResistanceSim.Plotting.Colors;

namespace ResistanceSim.Plotting.Charts;

/// <summary>
/// Which mechanism drove progression, per arm: <c>Fractions[arm][mechanism]</c>. Each arm's row is
/// normalised to sum to 1 (so counts work too); an arm whose row sums to 0 is drawn as an empty bar.
/// </summary>
public sealed record CompositionInput(
    string Title,
    IReadOnlyList<string> Arms,
    IReadOnlyList<string> Mechanisms,
    double[][] Fractions)
{
    /// <summary>Number of progressed runs per arm, printed above each bar as "n = …" (optional).</summary>
    public int[]? ProgressedCounts { get; init; }

    /// <summary>Fixed colours per mechanism (use the same as the Muller plot's families for a consistent report).</summary>
    public IReadOnlyDictionary<string, RgbColor>? MechanismColors { get; init; }

    /// <summary>Horizontal axis title.</summary>
    public string ArmLabel { get; init; } = "Arm";
}
