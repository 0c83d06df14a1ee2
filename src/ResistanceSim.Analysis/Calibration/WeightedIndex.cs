namespace ResistanceSim.Analysis.Calibration;

/// <summary>Draws an index with probability proportional to its weight, from one uniform (inverse of the cumulative weights).</summary>
internal sealed class WeightedIndex
{
    private readonly double[] _cumulative;

    public WeightedIndex(IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        _cumulative = new double[weights.Count];
        double total = weights.Sum(), running = 0;
        for (int i = 0; i < weights.Count; i++) _cumulative[i] = running += weights[i] / total;
    }

    /// <summary>The index whose cumulative share first reaches <paramref name="uniform"/> ∈ [0, 1).</summary>
    public int Pick(double uniform)
    {
        int index = Array.BinarySearch(_cumulative, uniform);
        return Math.Min(index < 0 ? ~index : index, _cumulative.Length - 1);
    }
}
