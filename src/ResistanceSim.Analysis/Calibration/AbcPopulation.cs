using ResistanceSim.Model.Calibration;

namespace ResistanceSim.Analysis.Calibration;

/// <summary>
/// One ABC-SMC generation's particles: the evaluation each carries, parameter values (natural scale), normalised
/// weights and distances, and the tolerance they were accepted under.
/// </summary>
public sealed record AbcPopulation(int Generation, IReadOnlyList<ParticleSource> Sources, IReadOnlyList<double[]> Values, IReadOnlyList<double> Weights, IReadOnlyList<double> Distances, double Epsilon)
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

    /// <summary>
    /// Effective sample size, (Σw)² / Σw² over the distinct parameter sets (a set held by several members counts with
    /// their summed weight): how many equally weighted distinct particles the population is worth.
    /// </summary>
    public double EffectiveSampleSize
    {
        get
        {
            var distinct = Sources.Select((source, i) => (source, Weights[i])).GroupBy(x => x.source, x => x.Item2).Select(g => g.Sum()).ToArray();
            double sum = distinct.Sum(), squares = distinct.Sum(w => w * w);
            return squares > 0 ? sum * sum / squares : 0;
        }
    }
}
