using System.Runtime.CompilerServices;

namespace ResistanceSim.Engine.Random;

public static partial class Samplers
{
    /// <summary>
    /// When n·min(p, 1 − p) is below this, inversion (BINV) is used, otherwise BTPE; the switch point
    /// recommended by Kachitvichyanukul &amp; Schmeiser 1988.
    /// </summary>
    public const double BinomialInversionLimit = 30;

    // With n·p < 30 the count passes 150 with probability < 1e-50; reaching it means rounding left the
    // cumulative sum short of U, and the draw restarts.
    private const long BinomialInversionGuard = 150;

    // In BTPE, |y − M| ≤ 20 is accepted or rejected by the explicit recursive product (step 5.1).
    private const long BinomialExplicitEvaluationLimit = 20;

    /// <summary>
    /// Binomial deviate: the number of successes in n independent trials of probability p.
    /// Exact for p = 0, p = 1 and n = 0. With r = min(p, 1 − p) (the result is reflected, n − X,
    /// when p &gt; ½): n·r &lt; 30 uses BINV inversion, otherwise BTPE (triangle, parallelograms,
    /// exponential tails; Kachitvichyanukul &amp; Schmeiser 1988, "Binomial random variate
    /// generation", CACM 31(2):216–222). Two deliberate refinements of the paper, for n up to 2^52:
    /// candidates are formed as offsets from the mode so every floor is exact, and the final
    /// acceptance test (step 5.3) compares with the exact log-ratio ln f(y) − ln f(M) from
    /// <see cref="LogProbability.LogBinomialPmf(long,long,double,double)"/> instead of the paper's
    /// Stirling expression (the same quantity, evaluated without cancellation).
    /// </summary>
    /// <param name="rng">The stream to draw from.</param>
    /// <param name="n">Number of trials. Range: 0 ≤ n ≤ 2^52.</param>
    /// <param name="p">Success probability. Range: 0 ≤ p ≤ 1.</param>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    public static long Binomial(ref Xoshiro256StarStar rng, long n, double p)
    {
        if (n < 0 || n > MaxExactCount)
        {
            ThrowOutOfRange(nameof(n), n, "0 ≤ n ≤ 2^52");
        }

        if (!(p >= 0 && p <= 1))
        {
            ThrowOutOfRange(nameof(p), p, "0 ≤ p ≤ 1");
        }

        if (n == 0 || p == 0)
        {
            return 0;
        }

        if (p == 1)
        {
            return n;
        }

        bool reflect = p > 0.5;
        double r = reflect ? 1 - p : p;
        long successes = n * r < BinomialInversionLimit
            ? BinomialByInversion(ref rng, n, r)
            : BinomialByBtpe(ref rng, n, r);
        return reflect ? n - successes : successes;
    }

    /// <summary>BINV (Kachitvichyanukul &amp; Schmeiser 1988): sequential search from 0 with the PMF ratio recursion; r ≤ ½.</summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    private static long BinomialByInversion(ref Xoshiro256StarStar rng, long n, double r)
    {
        double q = 1 - r;
        double oddsRatio = r / q;
        double probabilityOfZero = Math.Exp(n * LogProbability.LogOnePlus(-r));
        long limit = Math.Min(n, BinomialInversionGuard);
        while (true)
        {
            double u = rng.NextDouble();
            long x = 0;
            double probability = probabilityOfZero;
            while (u >= probability && x < limit)
            {
                u -= probability;
                x++;
                // f(x)/f(x − 1) = (n − x + 1)/x · r/q
                probability *= oddsRatio * ((double)(n - x + 1) / x);
            }

            if (u < probability || x < limit)
            {
                return x;
            }

            if (limit == n)
            {
                return n; // the whole support was searched; only rounding left U unassigned
            }
        }
    }

    /// <summary>BTPE (Kachitvichyanukul &amp; Schmeiser 1988, steps 0–6) for n·r ≥ 30, r ≤ ½.</summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    private static long BinomialByBtpe(ref Xoshiro256StarStar rng, long n, double r)
    {
        // Step 0: set-up. Positions are kept relative to the mode M, so xm = M + ½ becomes ½ etc.
        double q = 1 - r;
        double nrq = n * r * q;
        double fm = (n + 1) * r;
        long mode = (long)Math.Floor(fm);
        double fmOffset = fm - mode;
        double p1 = Math.Floor(2.195 * Math.Sqrt(nrq) - 4.6 * q) + 0.5;
        const double xmOffset = 0.5;
        double xlOffset = xmOffset - p1;
        double xrOffset = xmOffset + p1;
        double c = 0.134 + 20.5 / (15.3 + mode);
        double aLeft = (fmOffset - xlOffset) / (fm - (mode + xlOffset) * r);
        double lambdaLeft = aLeft * (1 + 0.5 * aLeft);
        double aRight = (xrOffset - fmOffset) / ((mode + xrOffset) * q);
        double lambdaRight = aRight * (1 + 0.5 * aRight);
        double p2 = p1 * (1 + 2 * c);
        double p3 = p2 + c / lambdaLeft;
        double p4 = p3 + c / lambdaRight;

        while (true)
        {
            // Step 1: choose a region; the central triangle accepts at once.
            double u = rng.NextDouble() * p4;
            double v = rng.NextOpenDouble();
            long y;
            if (u <= p1)
            {
                return mode + (long)Math.Floor(xmOffset - p1 * v + u);
            }

            if (u <= p2)
            {
                // Step 2: parallelograms.
                double x = xlOffset + (u - p1) / c;
                v = v * c + 1 - Math.Abs(xmOffset - x) / p1;
                if (v > 1)
                {
                    continue;
                }

                y = mode + (long)Math.Floor(x);
            }
            else if (u <= p3)
            {
                // Step 3: left exponential tail.
                y = mode + (long)Math.Floor(xlOffset + Math.Log(v) / lambdaLeft);
                if (y < 0)
                {
                    continue;
                }

                v *= (u - p2) * lambdaLeft;
            }
            else
            {
                // Step 4: right exponential tail.
                double offset = Math.Floor(xrOffset - Math.Log(v) / lambdaRight);
                if (offset > n - mode)
                {
                    continue;
                }

                y = mode + (long)offset;
                v *= (u - p3) * lambdaRight;
            }

            if (BtpeAccepts(y, mode, n, r, q, nrq, v))
            {
                return y;
            }
        }
    }

    /// <summary>BTPE step 5: is v ≤ f(y)/f(M)?</summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    private static bool BtpeAccepts(long y, long mode, long n, double r, double q, double nrq, double v)
    {
        long distance = Math.Abs(y - mode);
        if (distance <= BinomialExplicitEvaluationLimit)
        {
            // Step 5.1: f(y)/f(M) by the recursion f(i)/f(i − 1) = (n − i + 1)/i · r/q.
            double oddsRatio = r / q;
            double ratio = 1;
            if (mode < y)
            {
                for (long i = mode + 1; i <= y; i++)
                {
                    ratio *= oddsRatio * ((double)(n - i + 1) / i);
                }
            }
            else
            {
                for (long i = y + 1; i <= mode; i++)
                {
                    ratio /= oddsRatio * ((double)(n - i + 1) / i);
                }
            }

            return v <= ratio;
        }

        double logV = Math.Log(v);
        if (distance < nrq / 2 - 1)
        {
            // Step 5.2: squeeze on ln f(y)/f(M) ≈ −k²/(2nrq), valid while k < nrq/2 − 1.
            double k = distance;
            double rho = (k / nrq) * ((k * (k / 3 + 0.625) + 1.0 / 6) / nrq + 0.5);
            double t = -k * k / (2 * nrq);
            if (logV < t - rho)
            {
                return true;
            }

            if (logV > t + rho)
            {
                return false;
            }
        }

        // Step 5.3: the exact log-ratio.
        return logV <= LogProbability.LogBinomialPmf(y, n, r, q) - LogProbability.LogBinomialPmf(mode, n, r, q);
    }
}
