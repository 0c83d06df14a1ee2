namespace ResistanceSim.Model;

/// <summary>
/// The points of a parameter sweep (<c>sweep:</c>, docs/sweeps.md). Work units are points × replicates (× arms),
/// point-major, so consecutive units share a point's scenario. Without a sweep there is one point, index 0,
/// with no parameters.
/// </summary>
public sealed record Sweep(SweepKind Kind, IReadOnlyList<SweepParameter> Parameters, IReadOnlyList<SweepPoint> Points)
{
    /// <summary>The single point of a scenario without a sweep.</summary>
    public static Sweep None { get; } = new(SweepKind.None, [], [new SweepPoint(0, [], [])]);

    public int PointCount => Points.Count;
}
