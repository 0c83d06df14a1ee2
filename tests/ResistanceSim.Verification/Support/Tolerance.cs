namespace ResistanceSim.Verification.Support;

/// <summary>Tolerances derived from the sample size: 4.5 standard errors (two-sided false alarm ≈ 7e-6 per check).</summary>
public static class Tolerance
{
    public const double Sigmas = 4.5;

    public static double Mean(IReadOnlyList<double> x) => x.Average();

    public static double StandardDeviation(IReadOnlyList<double> x)
    {
        double m = Mean(x);
        return Math.Sqrt(x.Sum(v => (v - m) * (v - m)) / (x.Count - 1));
    }

    /// <summary>4.5 σ/√n for the mean of <paramref name="x"/>, σ estimated from the sample.</summary>
    public static double ForMean(IReadOnlyList<double> x) => Sigmas * StandardDeviation(x) / Math.Sqrt(x.Count);

    public static double ForProportion(double p, int n) => Sigmas * Math.Sqrt(p * (1 - p) / n);
}
