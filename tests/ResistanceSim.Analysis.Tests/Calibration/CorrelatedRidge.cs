using ResistanceSim.Analysis.Calibration;
using ResistanceSim.Model.Calibration;

namespace ResistanceSim.Analysis.Tests.Calibration;

/// <summary>
/// A three-parameter problem whose misses mix the parameters, as growth curves do (a ridge, not a ball): both samplers
/// must put the known truth inside their 90% intervals.
/// </summary>
internal static class CorrelatedRidge
{
    public static Prior[] Priors => [new UniformPrior(0.3, 1.0), new LogUniformPrior(3, 300), new UniformPrior(0.2, 2.0)];

    public static double[] Truth => [0.6, 24, 0.9];

    public static double Distance(double[] v)
    {
        double[] truth = Truth;
        double a = (v[0] - truth[0]) / 0.01, b = (Math.Log(v[1] / truth[1]) - (v[2] - truth[2])) / 0.05, c = (v[2] - truth[2] + v[0] - truth[0]) / 0.02;
        return Math.Sqrt((a * a + b * b + c * c) / 3);
    }

    /// <summary>Each generation's tolerance, effective sample size and 90% intervals, for assertion messages.</summary>
    public static string Trace(IEnumerable<AbcPopulation> populations) =>
        string.Join("; ", populations.Select(p => $"g{p.Generation} eps {p.Epsilon:G3} ess {p.EffectiveSampleSize:0} " +
            string.Join(",", Enumerable.Range(0, 3).Select(j => $"[{p.Quantile(j, 0.05):G3},{p.Quantile(j, 0.95):G3}]"))));
}
