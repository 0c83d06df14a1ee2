using System.Globalization;
using MathNet.Numerics.Distributions;
using Xunit;

namespace ResistanceSim.Tests.Random;

/// <summary>
/// Statistical assertions shared by the sampler tests. Every test uses a fixed seed, so each
/// outcome is deterministic; the significance and the σ-multiple are chosen so that a correct
/// sampler passes with overwhelming probability while a wrong one (a PMF off by a few parts per
/// thousand at these sample sizes) fails.
/// </summary>
internal static class GoodnessOfFit
{
    /// <summary>Significance level of every chi-square and KS test.</summary>
    public const double Significance = 1e-4;

    /// <summary>Bins are merged until each expects at least this many draws (chi-square validity).</summary>
    public const double MinimumExpectedPerBin = 5;

    /// <summary>Moment tolerances are this many standard errors.</summary>
    public const double Sigmas = 4.5;

    /// <summary>
    /// Chi-square goodness of fit of integer samples against a reference PMF. Values
    /// <paramref name="low"/>..<paramref name="high"/> are binned left to right until each bin
    /// expects ≥ 5 draws; the lower tail (k &lt; low, mass cdf(low − 1)) joins the first bin and the
    /// upper tail joins the last, so the bins partition the whole support. Without a CDF (when the
    /// reference CDF is too slow) the range must leave out negligible mass on the left.
    /// </summary>
    public static void AssertChiSquare(
        IReadOnlyList<long> samples, Func<long, double> pmf, Func<long, double>? cdf, long low, long high, string label)
    {
        int n = samples.Count;
        var binOfValue = new int[high - low + 1];
        var expected = new List<double>();
        double lowerTail = low > 0 && cdf is not null ? cdf(low - 1) : 0;
        double pending = lowerTail;
        double covered = lowerTail;
        for (long k = low; k <= high; k++)
        {
            double probability = pmf(k);
            pending += probability;
            covered += probability;
            binOfValue[k - low] = expected.Count;
            if (pending * n >= MinimumExpectedPerBin)
            {
                expected.Add(pending * n);
                pending = 0;
            }
        }

        double upperTail = Math.Max(0, 1 - covered);
        pending += upperTail;
        int lastBin = expected.Count - 1;
        if (pending * n >= MinimumExpectedPerBin || lastBin < 0)
        {
            expected.Add(pending * n);
            lastBin++;
        }
        else
        {
            expected[lastBin] += pending * n; // too little left for a bin of its own
        }

        var observed = new double[expected.Count];
        foreach (long value in samples)
        {
            int bin = value < low ? 0 : value > high ? lastBin : Math.Min(binOfValue[value - low], lastBin);
            observed[bin]++;
        }

        AssertStatistic(observed, [.. expected], n, label);
    }

    /// <summary>
    /// Chi-square goodness of fit on wide bins, for distributions too spread out to bin value by
    /// value: bins are (−∞, e₀], (e₀, e₁], …, (e_last, ∞) with probabilities from the reference CDF.
    /// </summary>
    public static void AssertChiSquareOnEdges(IReadOnlyList<long> samples, long[] edges, Func<long, double> cdf, string label)
    {
        int n = samples.Count;
        var expected = new double[edges.Length + 1];
        double previous = 0;
        for (int i = 0; i < edges.Length; i++)
        {
            double current = cdf(edges[i]);
            expected[i] = (current - previous) * n;
            previous = current;
        }

        expected[edges.Length] = (1 - previous) * n;
        Assert.All(expected, e => Assert.True(e >= MinimumExpectedPerBin, $"{label}: a bin expects {e} < 5 draws"));
        var observed = new double[expected.Length];
        foreach (long value in samples)
        {
            int index = Array.BinarySearch(edges, value);
            observed[index >= 0 ? index : ~index]++;
        }

        AssertStatistic(observed, expected, n, label);
    }

    /// <summary>
    /// Sample mean within 4.5 σ/√n of the true mean and sample variance within 4.5 standard errors
    /// of the true variance, the latter's standard error being σ²·√((2 + excess kurtosis)/n).
    /// </summary>
    public static void AssertMoments(
        IReadOnlyList<double> samples, double mean, double variance, double excessKurtosis, string label)
    {
        int n = samples.Count;
        double sum = 0;
        foreach (double value in samples)
        {
            sum += value;
        }

        double sampleMean = sum / n;
        double squares = 0;
        foreach (double value in samples)
        {
            squares += (value - sampleMean) * (value - sampleMean);
        }

        double sampleVariance = squares / (n - 1);
        double meanTolerance = Sigmas * Math.Sqrt(variance / n);
        double varianceTolerance = Sigmas * variance * Math.Sqrt((2 + excessKurtosis) / n);
        Assert.True(
            Math.Abs(sampleMean - mean) <= meanTolerance,
            string.Create(CultureInfo.InvariantCulture,
                $"{label}: mean {sampleMean:R} vs {mean:R}, tolerance {meanTolerance:G3} (n {n})"));
        Assert.True(
            Math.Abs(sampleVariance - variance) <= varianceTolerance,
            string.Create(CultureInfo.InvariantCulture,
                $"{label}: variance {sampleVariance:R} vs {variance:R}, tolerance {varianceTolerance:G3} (n {n})"));
    }

    /// <summary>
    /// The draws in [<paramref name="from"/>, <paramref name="to"/>) within 4.5 binomial σ of the count the region's
    /// <paramref name="probability"/> expects: a sampler's rare paths (a ziggurat's wedges and tail) checked on their own.
    /// </summary>
    public static void AssertRegionMass(IReadOnlyList<double> samples, double from, double to, double probability)
    {
        int n = samples.Count;
        long inside = samples.LongCount(x => x >= from && x < to);
        double sigma = Math.Sqrt(n * probability * (1 - probability));
        Assert.True(Math.Abs(inside - n * probability) <= Sigmas * sigma,
            string.Create(CultureInfo.InvariantCulture,
                $"[{from}, {to}): {inside} draws, expected {n * probability:F1} ± {Sigmas * sigma:F1}"));
    }

    /// <summary>
    /// One-sample Kolmogorov–Smirnov test; critical value from the asymptotic Kolmogorov
    /// distribution, √(−½ ln(α/2))/√n (accurate for n ≥ 1000).
    /// </summary>
    public static void AssertKolmogorovSmirnov(double[] samples, Func<double, double> cdf, string label)
    {
        double[] sorted = (double[])samples.Clone();
        Array.Sort(sorted);
        int n = sorted.Length;
        double maximumDistance = 0;
        for (int i = 0; i < n; i++)
        {
            double f = cdf(sorted[i]);
            maximumDistance = Math.Max(maximumDistance, Math.Max(f - (double)i / n, (double)(i + 1) / n - f));
        }

        double critical = Math.Sqrt(-0.5 * Math.Log(Significance / 2)) / Math.Sqrt(n);
        Assert.True(
            maximumDistance < critical,
            string.Create(CultureInfo.InvariantCulture,
                $"{label}: KS distance {maximumDistance:G4} ≥ critical {critical:G4} (α {Significance}, n {n})"));
    }

    private static void AssertStatistic(double[] observed, double[] expected, int n, string label)
    {
        double statistic = 0;
        for (int i = 0; i < observed.Length; i++)
        {
            double difference = observed[i] - expected[i];
            statistic += difference * difference / expected[i];
        }

        int degreesOfFreedom = observed.Length - 1;
        Assert.True(degreesOfFreedom >= 1, $"{label}: only one bin; widen the range or the sample");
        double critical = ChiSquared.InvCDF(degreesOfFreedom, 1 - Significance);
        Assert.True(
            statistic < critical,
            string.Create(CultureInfo.InvariantCulture,
                $"{label}: chi-square {statistic:G6} ≥ critical {critical:G6} (df {degreesOfFreedom}, α {Significance}, n {n})"));
    }

    public static double[] ToDoubles(long[] values) => Array.ConvertAll(values, v => (double)v);
}
