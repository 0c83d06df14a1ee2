using ResistanceSim.Model.Random;

namespace ResistanceSim.Scenarios.Sweeps;

/// <summary>
/// Latin hypercube sampling (McKay, Beckman &amp; Conover 1979, Technometrics 21:239): each of the d
/// dimensions is cut into n equal strata and every stratum is used exactly once, in an independent random
/// order per dimension, with a uniform position inside the stratum. Returns unit-cube coordinates;
/// the caller maps them to linear or log ranges. Deterministic in the seed (SplitMix64, so the result
/// does not depend on the .NET version's <c>System.Random</c>).
/// </summary>
public static class LatinHypercubeSampler
{
    /// <returns>[sample][dimension] in (0, 1).</returns>
    public static double[][] Sample(int samples, int dimensions, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(dimensions);
        var random = new SplitMixStream(seed);
        var result = new double[samples][];
        for (int s = 0; s < samples; s++) result[s] = new double[dimensions];
        var strata = new int[samples];
        for (int d = 0; d < dimensions; d++)
        {
            for (int s = 0; s < samples; s++) strata[s] = s;
            for (int s = samples - 1; s > 0; s--)
            {
                int j = (int)(random.NextDouble() * (s + 1));
                (strata[s], strata[j]) = (strata[j], strata[s]);
            }
            for (int s = 0; s < samples; s++) result[s][d] = (strata[s] + random.NextOpenDouble()) / samples;
        }
        return result;
    }
}
