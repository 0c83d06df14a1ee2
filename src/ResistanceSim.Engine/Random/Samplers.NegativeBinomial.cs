using System.Runtime.CompilerServices;

namespace ResistanceSim.Engine.Random;

public static partial class Samplers
{
    /// <summary>
    /// Gamma(shape, scale) deviate by Marsaglia &amp; Tsang (2000, ACM TOMS 26:363, "A simple method
    /// for generating gamma variables"); shapes below 1 use the boost Gamma(a) = Gamma(a+1)·U^{1/a}.
    /// </summary>
    /// <param name="shape">Range: a &gt; 0.</param>
    /// <param name="scale">Range: θ &gt; 0.</param>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    public static double Gamma(ref Xoshiro256StarStar rng, double shape, double scale)
    {
        if (!(shape > 0 && double.IsFinite(shape))) ThrowOutOfRange(nameof(shape), shape, "a > 0");
        if (!(scale > 0 && double.IsFinite(scale))) ThrowOutOfRange(nameof(scale), scale, "θ > 0");
        if (shape < 1)
        {
            double boosted = GammaAtLeastOne(ref rng, shape + 1);
            return scale * boosted * Math.Pow(rng.NextOpenDouble(), 1.0 / shape);
        }
        return scale * GammaAtLeastOne(ref rng, shape);
    }

    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    private static double GammaAtLeastOne(ref Xoshiro256StarStar rng, double shape)
    {
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = StandardNormal(ref rng);
                v = 1.0 + c * x;
            }
            while (v <= 0);
            v = v * v * v;
            double u = rng.NextOpenDouble();
            double x2 = x * x;
            if (u < 1.0 - 0.0331 * x2 * x2) return d * v;
            if (Math.Log(u) < 0.5 * x2 + d * (1.0 - v + Math.Log(v))) return d * v;
        }
    }

    /// <summary>
    /// Negative binomial: failures before the <paramref name="successes"/>-th success in trials with
    /// success probability <paramref name="p"/>, drawn as a gamma–Poisson mixture
    /// (Poisson with a Gamma(r, (1−p)/p) mean; Devroye 1986, §X.4.7); one success is a <see cref="Geometric"/>.
    /// </summary>
    /// <param name="successes">Range: r ≥ 0.</param>
    /// <param name="p">Range: 0 &lt; p ≤ 1.</param>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    public static long NegativeBinomial(ref Xoshiro256StarStar rng, long successes, double p)
    {
        if (successes < 0) ThrowOutOfRange(nameof(successes), successes, "r ≥ 0");
        if (!(p > 0 && p <= 1)) ThrowOutOfRange(nameof(p), p, "0 < p ≤ 1");
        if (successes == 0 || p == 1) return 0;
        if (successes == 1) return Geometric(ref rng, p);
        double mean = Gamma(ref rng, successes, (1 - p) / p);
        return Poisson(ref rng, Math.Min(mean, PoissonMaxMean));
    }

    /// <summary>
    /// Failures before the first success (P(k) = p(1−p)^k): ⌊E/λ⌋ with E standard exponential and
    /// λ = −ln(1−p) (Devroye 1986, §X.2) — the one-cell birth–death transition needs it per new line.
    /// </summary>
    /// <param name="p">Range: 0 &lt; p ≤ 1.</param>
    public static long Geometric(ref Xoshiro256StarStar rng, double p)
    {
        if (!(p > 0 && p <= 1)) ThrowOutOfRange(nameof(p), p, "0 < p ≤ 1");
        if (p == 1) return 0;
        double failures = Math.Floor(ExponentialZiggurat.Next(ref rng) / -double.LogP1(-p));
        return (long)Math.Min(failures, PoissonMaxMean);   // the same cap as the gamma–Poisson path
    }
}
