namespace ResistanceSim.Model.Calibration;

/// <summary>How the targets' standardised misses combine into one ABC distance (docs/calibration.md, "Method").</summary>
public enum AbcDistance
{
    /// <summary>Root mean square: a target missed by three tolerances counts nine times one missed by one.</summary>
    RootMeanSquare,

    /// <summary>
    /// Mean absolute miss: every tolerance missed counts alike, so targets the model cannot reach do not outweigh
    /// the many it can.
    /// </summary>
    MeanAbsolute,
}

/// <summary>The distance of one parameter set's simulated targets from the published ones.</summary>
public static class CalibrationDistance
{
    /// <summary>The combined miss; infinite when a target could not be measured.</summary>
    public static double Of(IReadOnlyList<CalibrationTarget> targets, ReadOnlySpan<double> simulated, AbcDistance kind)
    {
        if (simulated.Length != targets.Count)
            throw new ArgumentException($"{simulated.Length} simulated values for {targets.Count} targets", nameof(simulated));
        double sum = 0;
        for (int t = 0; t < simulated.Length; t++)
        {
            double miss = targets[t].Miss(simulated[t]);
            if (double.IsNaN(miss)) return double.PositiveInfinity;
            sum += kind == AbcDistance.MeanAbsolute ? Math.Abs(miss) : miss * miss;
        }
        double mean = sum / simulated.Length;
        return kind == AbcDistance.MeanAbsolute ? mean : Math.Sqrt(mean);
    }

    /// <summary>The distance's name in prose ("mean absolute miss").</summary>
    public static string Describe(AbcDistance kind) =>
        kind == AbcDistance.MeanAbsolute ? "mean absolute miss" : "root mean square miss";
}
