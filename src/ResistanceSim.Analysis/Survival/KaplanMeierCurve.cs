namespace ResistanceSim.Analysis.Survival;

/// <summary>The Kaplan–Meier step function produced by <see cref="KaplanMeierEstimator"/>. Row j
/// describes the distinct observed time <see cref="Times"/>[j] (event or censoring); the survival
/// estimate holds from that time until the next row. All arrays have the same length.</summary>
public sealed class KaplanMeierCurve
{
    internal KaplanMeierCurve(
        double[] times, int[] atRisk, int[] events, int[] censored, double[] survival,
        double[] greenwoodSum, double confidenceLevel, SurvivalConfidenceTransform transform)
    {
        Times = times;
        AtRisk = atRisk;
        Events = events;
        Censored = censored;
        Survival = survival;
        GreenwoodSum = greenwoodSum;
        ConfidenceLevel = confidenceLevel;
        Transform = transform;

        var z = Guard.NormalQuantile(confidenceLevel);
        var lower = new double[times.Length];
        var upper = new double[times.Length];
        for (var j = 0; j < times.Length; j++)
        {
            var ci = KaplanMeierConfidence.Pointwise(survival[j], greenwoodSum[j], z, transform);
            lower[j] = ci.Lower;
            upper[j] = ci.Upper;
        }

        Lower = lower;
        Upper = upper;

        Median = SurvivalQuantile.Median(this);
    }

    /// <summary>Distinct observed times, ascending.</summary>
    public IReadOnlyList<double> Times { get; }

    /// <summary>Subjects at risk just before each time.</summary>
    public IReadOnlyList<int> AtRisk { get; }

    /// <summary>Events at each time.</summary>
    public IReadOnlyList<int> Events { get; }

    /// <summary>Censorings at each time (counted after the events at that time).</summary>
    public IReadOnlyList<int> Censored { get; }

    /// <summary>Kaplan–Meier estimate Ŝ(t) from each time until the next.</summary>
    public IReadOnlyList<double> Survival { get; }

    /// <summary>Greenwood sum Σ d/(n(n−d)) up to each time: the variance of log Ŝ
    /// (R <c>survfit</c>'s <c>std.err</c> squared). +∞ once Ŝ reaches 0.</summary>
    public IReadOnlyList<double> GreenwoodSum { get; }

    /// <summary>Lower pointwise confidence limit at each time.</summary>
    public IReadOnlyList<double> Lower { get; }

    /// <summary>Upper pointwise confidence limit at each time.</summary>
    public IReadOnlyList<double> Upper { get; }

    /// <summary>Confidence level of <see cref="Lower"/>, <see cref="Upper"/> and the median interval.</summary>
    public double ConfidenceLevel { get; }

    /// <summary>Scale the pointwise intervals were built on.</summary>
    public SurvivalConfidenceTransform Transform { get; }

    /// <summary>Median survival with its Brookmeyer–Crowley interval (see <see cref="SurvivalQuantile"/>).</summary>
    public MedianSurvival Median { get; }

    /// <summary>Greenwood variance of Ŝ itself at row j: Ŝ² · Σ d/(n(n−d)); 0 once Ŝ = 0.</summary>
    public double GreenwoodVariance(int j) => Survival[j] == 0 ? 0 : Survival[j] * Survival[j] * GreenwoodSum[j];

    /// <summary>Ŝ(t) for any t ≥ 0 (1 before the first time; right-continuous steps).</summary>
    public double SurvivalAt(double t)
    {
        var j = LastRowAtOrBefore(t);
        return j < 0 ? 1.0 : Survival[j];
    }

    /// <summary>The pointwise confidence interval of Ŝ(t) (a point interval at 1 before the first time).</summary>
    public ConfidenceInterval IntervalAt(double t)
    {
        var j = LastRowAtOrBefore(t);
        return j < 0 ? new ConfidenceInterval(1.0, 1.0) : new ConfidenceInterval(Lower[j], Upper[j]);
    }

    private int LastRowAtOrBefore(double t)
    {
        int lo = 0, hi = Times.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Times[mid] <= t)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }
}
