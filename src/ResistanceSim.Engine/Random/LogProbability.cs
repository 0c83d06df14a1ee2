using System.Runtime.CompilerServices;

namespace ResistanceSim.Engine.Random;

/// <summary>
/// Logarithms of discrete probability mass functions that stay accurate for counts up to 2^52,
/// where <c>k·ln λ − ln k!</c> would cancel catastrophically (at λ = 1e12 both terms are ~3e13,
/// so the naive formula loses ~13 digits). Uses Loader's saddle-point expansion (C. Loader 2000,
/// "Fast and accurate computation of binomial probabilities"): ln-PMFs are written with
/// <see cref="StirlingError"/> and the deviance term <see cref="Deviance"/>, both computed without
/// cancellation. The samplers' acceptance tests rely on these.
/// </summary>
public static class LogProbability
{
    private const double LogTwoPi = 1.8378770664093454835606594728112;
    private const int StirlingTableSize = 16;

    // δ(n) for n = 0..15 computed once from exact factorials (n! ≤ 15! is exact in a double);
    // δ(0) is a placeholder: callers never need it.
    private static readonly double[] StirlingTable = BuildStirlingTable();

    /// <summary>
    /// Stirling's error δ(n) = ln n! − [(n + ½) ln n − n + ½ ln 2π], for integer n ≥ 1.
    /// For n ≥ 16 the asymptotic series 1/(12n) − 1/(360n³) + 1/(1260n⁵) − 1/(1680n⁷) + 1/(1188n⁹),
    /// whose next term is below 1e-16 there; below 16 a table of exact values.
    /// </summary>
    /// <param name="n">Range: n ≥ 1 (n = 0 returns 0, which no caller uses).</param>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    public static double StirlingError(double n)
    {
        if (n < StirlingTableSize)
        {
            return StirlingTable[(int)n];
        }

        double inverseSquare = 1.0 / (n * n);
        return (1.0 / 12 - (1.0 / 360 - (1.0 / 1260 - (1.0 / 1680 - 1.0 / 1188 * inverseSquare) * inverseSquare)
            * inverseSquare) * inverseSquare) / n;
    }

    /// <summary>
    /// The deviance term D(x, μ) = x ln(x/μ) + μ − x ≥ 0, computed without cancellation when x ≈ μ
    /// by the series 2x·Σ v^(2j+1)/(2j+1) with v = (x − μ)/(x + μ) (Loader 2000, bd0).
    /// </summary>
    /// <param name="x">Range: x ≥ 0.</param>
    /// <param name="mean">Range: μ &gt; 0.</param>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    public static double Deviance(double x, double mean)
    {
        if (x == 0)
        {
            return mean;
        }

        double difference = x - mean;
        if (Math.Abs(difference) < 0.1 * (x + mean))
        {
            double v = difference / (x + mean);
            double sum = difference * v;
            double term = 2 * x * v;
            double vSquared = v * v;
            // |v| < 0.1, so each term shrinks by > 100×: converges to machine precision in ≤ 9 terms.
            for (int j = 1; j < 100; j++)
            {
                term *= vSquared;
                double next = sum + term / (2 * j + 1);
                if (next == sum)
                {
                    return next;
                }

                sum = next;
            }

            return sum;
        }

        return x * Math.Log(x / mean) + mean - x;
    }

    /// <summary>ln P(X = k) for X ~ Poisson(μ).</summary>
    /// <param name="k">Any integer (negative ⇒ −∞).</param>
    /// <param name="mean">Range: μ ≥ 0.</param>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    public static double LogPoissonPmf(long k, double mean)
    {
        if (k < 0)
        {
            return double.NegativeInfinity;
        }

        if (k == 0)
        {
            return -mean;
        }

        if (mean == 0)
        {
            return double.NegativeInfinity;
        }

        return -StirlingError(k) - Deviance(k, mean) - 0.5 * (LogTwoPi + Math.Log(k));
    }

    /// <summary>ln P(X = k) for X ~ Binomial(n, p), with q = 1 − p.</summary>
    /// <param name="k">Any integer (outside [0, n] ⇒ −∞).</param>
    /// <param name="n">Range: 0 ≤ n ≤ 2^52.</param>
    /// <param name="p">Range: 0 ≤ p ≤ 1.</param>
    public static double LogBinomialPmf(long k, long n, double p) => LogBinomialPmf(k, n, p, 1 - p);

    /// <summary>
    /// ln P(X = k) for X ~ Binomial(n, p), given both p and q = 1 − p so that a q computed exactly
    /// by the caller (e.g. (N − n)/N) keeps its precision when p is close to 1.
    /// </summary>
    /// <param name="k">Any integer (outside [0, n] ⇒ −∞).</param>
    /// <param name="n">Range: 0 ≤ n ≤ 2^52.</param>
    /// <param name="p">Range: 0 ≤ p ≤ 1.</param>
    /// <param name="q">Range: q = 1 − p.</param>
    public static double LogBinomialPmf(long k, long n, double p, double q)
    {
        if (k < 0 || k > n)
        {
            return double.NegativeInfinity;
        }

        if (p == 0)
        {
            return k == 0 ? 0 : double.NegativeInfinity;
        }

        if (q == 0)
        {
            return k == n ? 0 : double.NegativeInfinity;
        }

        if (k == 0)
        {
            return n * (p < q ? LogOnePlus(-p) : Math.Log(q));
        }

        if (k == n)
        {
            return n * (q < p ? LogOnePlus(-q) : Math.Log(p));
        }

        long failures = n - k;
        double logCore = StirlingError(n) - StirlingError(k) - StirlingError(failures)
            - Deviance(k, n * p) - Deviance(failures, n * q);
        double logScale = LogTwoPi + Math.Log(k) + Math.Log((double)failures / n);
        return logCore - 0.5 * logScale;
    }

    /// <summary>
    /// ln P(X = k) for X ~ Hypergeometric(N, K, n): k successes in n draws without replacement from
    /// N items of which K are successes. Evaluated as Binomial(K, p)(k)·Binomial(N−K, p)(n−k) /
    /// Binomial(N, p)(n) with p = n/N, an identity that holds for any p and is stable at this one.
    /// </summary>
    /// <param name="k">Any integer (outside the support ⇒ −∞).</param>
    /// <param name="populationSize">N. Range: 0 ≤ N ≤ 2^52.</param>
    /// <param name="successes">K. Range: 0 ≤ K ≤ N.</param>
    /// <param name="draws">n. Range: 0 ≤ n ≤ N.</param>
    public static double LogHypergeometricPmf(long k, long populationSize, long successes, long draws)
    {
        if (populationSize == 0)
        {
            return k == 0 ? 0 : double.NegativeInfinity;
        }

        double p = (double)draws / populationSize;
        double q = (double)(populationSize - draws) / populationSize;
        return LogHypergeometricKernel(k, populationSize, successes, draws, p, q)
            - LogBinomialPmf(draws, populationSize, p, q);
    }

    /// <summary>The k-dependent part of <see cref="LogHypergeometricPmf"/> (p = n/N, q = (N − n)/N).</summary>
    internal static double LogHypergeometricKernel(long k, long populationSize, long successes, long draws, double p, double q) =>
        LogBinomialPmf(k, successes, p, q) + LogBinomialPmf(draws - k, populationSize - successes, p, q);

    /// <summary>ln(1 + x) accurate for small |x| (Goldberg 1991, "What every computer scientist should know about floating-point arithmetic", Thm 4).</summary>
    /// <param name="x">Range: x &gt; −1.</param>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    public static double LogOnePlus(double x)
    {
        double u = 1 + x;
        // When 1 + x rounds to 1, ln(1 + x) = x to double precision; otherwise correct the
        // rounding of u by the exact ratio x / (u − 1).
        return u == 1 ? x : Math.Log(u) * x / (u - 1);
    }

    private static double[] BuildStirlingTable()
    {
        var table = new double[StirlingTableSize];
        double factorial = 1;
        for (int n = 1; n < StirlingTableSize; n++)
        {
            factorial *= n;
            table[n] = Math.Log(factorial) - ((n + 0.5) * Math.Log(n) - n + 0.5 * LogTwoPi);
        }

        return table;
    }
}
