namespace ResistanceSim.Tests.Support;

/// <summary>Tolerances derived from the sample size: z standard errors, z = 4.5 (two-sided p ≈ 7e-6 per check).</summary>
public static class Tolerance
{
    public const double Z = 4.5;

    public static double Mean(IReadOnlyList<double> sample) => sample.Average();

    public static double Variance(IReadOnlyList<double> sample)
    {
        double mean = Mean(sample);
        return sample.Sum(x => (x - mean) * (x - mean)) / (sample.Count - 1);
    }

    /// <summary>z · σ/√n for the sample mean, with σ the known population standard deviation.</summary>
    public static double ForMean(double populationVariance, int n) => Z * Math.Sqrt(populationVariance / n);

    /// <summary>z · √(p(1−p)/n) for an estimated proportion with true value p.</summary>
    public static double ForProportion(double p, int n) => Z * Math.Sqrt(p * (1 - p) / n);

    /// <summary>z · SE of the sample variance, SE² ≈ (m4 − s⁴)/n from the sample's own fourth central moment.</summary>
    public static double ForVariance(IReadOnlyList<double> sample)
    {
        double mean = Mean(sample);
        double m2 = sample.Sum(x => Math.Pow(x - mean, 2)) / sample.Count;
        double m4 = sample.Sum(x => Math.Pow(x - mean, 4)) / sample.Count;
        return Z * Math.Sqrt((m4 - m2 * m2) / sample.Count);
    }
}
