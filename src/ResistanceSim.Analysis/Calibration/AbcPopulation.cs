using ResistanceSim.Model.Calibration;

namespace ResistanceSim.Analysis.Calibration;

/// <summary>
/// One ABC-SMC generation's accepted particles: their proposal indices, parameter values (natural scale), normalised
/// importance weights and distances, and the tolerance they were accepted under.
/// </summary>
public sealed record AbcPopulation(int Generation, IReadOnlyList<int> Indices, IReadOnlyList<double[]> Values, IReadOnlyList<double> Weights, IReadOnlyList<double> Distances, double Epsilon)
{
    public int Count => Values.Count;

    /// <summary>The particles in each prior's kernel space (log for log-uniform parameters).</summary>
    public double[][] InKernelSpace(IReadOnlyList<Prior> priors)
    {
        ArgumentNullException.ThrowIfNull(priors);
        return [.. Values.Select(v => v.Select((x, j) => priors[j].ToKernelSpace(x)).ToArray())];
    }

    /// <summary>Weighted quantile <paramref name="p"/> of parameter <paramref name="parameter"/> (natural scale).</summary>
    public double Quantile(int parameter, double p) =>
        WeightedQuantile.Of([.. Values.Select(v => v[parameter])], Weights, p);

    /// <summary>Effective sample size of the weights, (Σw)² / Σw²: how many equally weighted particles they are worth.</summary>
    public double EffectiveSampleSize
    {
        get
        {
            double sum = Weights.Sum(), squares = Weights.Sum(w => w * w);
            return squares > 0 ? sum * sum / squares : 0;
        }
    }
}
