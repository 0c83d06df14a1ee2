namespace ResistanceSim.Runs.Calibration;

/// <summary>
/// How long a shard waits for work another shard owns before doing it itself: max(30 s, three of its own evaluations).
/// The result is the same whoever computes it, so the grace only saves duplicated work, and an array whose tasks do
/// not all run at once still finishes.
/// </summary>
internal static class ShardGrace
{
    /// <summary>True once <paramref name="waited"/> exceeds the grace for evaluations of <paramref name="meanSeconds"/> each.</summary>
    public static bool IsOver(TimeSpan waited, double meanSeconds) => waited.TotalSeconds >= Math.Max(30, 3 * meanSeconds);
}
