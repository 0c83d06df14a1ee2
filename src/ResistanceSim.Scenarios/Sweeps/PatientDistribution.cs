using ResistanceSim.Model.Random;

namespace ResistanceSim.Scenarios.Sweeps;

/// <summary>
/// How one parameter varies between virtual patients (docs/trials.md), truncated to [<see cref="Min"/>,
/// <see cref="Max"/>] by redrawing. Draws take their uniforms from a stream the caller owns.
/// </summary>
public abstract record PatientDistribution(double Min, double Max)
{
    /// <summary>Draws before a truncated distribution gives up (its bounds hold almost none of its mass).</summary>
    public const int MaxRedraws = 10_000;

    /// <summary>
    /// A draw from the truncated distribution, taking its uniforms from <paramref name="stream"/>; NaN when
    /// <see cref="MaxRedraws"/> draws all fell outside the bounds, with <paramref name="drawnFrom"/> the distribution
    /// whose bounds those were (this one, or a mixture's component).
    /// </summary>
    public abstract double DrawTruncated(ref SplitMixStream stream, out PatientDistribution drawnFrom);
}

/// <summary>A distribution of one parametric family, drawn from two uniforms and redrawn while outside its bounds.</summary>
public abstract record ParametricDistribution(double Min, double Max) : PatientDistribution(Min, Max)
{
    /// <summary>A draw from the untruncated distribution given two independent uniforms in (0, 1).</summary>
    public abstract double Draw(double u1, double u2);

    public override double DrawTruncated(ref SplitMixStream stream, out PatientDistribution drawnFrom)
    {
        drawnFrom = this;
        for (int attempt = 0; attempt < MaxRedraws; attempt++)
        {
            double value = Draw(stream.NextOpenDouble(), stream.NextOpenDouble());
            if (value >= Min && value <= Max) return value;
        }
        return double.NaN;
    }

    /// <summary>Standard normal from two uniforms (Box–Muller; the cosine branch only, so draws stay independent of each other).</summary>
    protected static double StandardNormal(double u1, double u2) => Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
}

/// <summary>log X ~ Normal(ln median, sigma²): the usual model of between-patient variability of rates and clearances.</summary>
public sealed record LogNormalDistribution(double Median, double Sigma, double Min, double Max) : ParametricDistribution(Min, Max)
{
    public override double Draw(double u1, double u2) => Median * Math.Exp(Sigma * StandardNormal(u1, u2));
}

public sealed record NormalDistribution(double Mean, double StandardDeviation, double Min, double Max) : ParametricDistribution(Min, Max)
{
    public override double Draw(double u1, double u2) => Mean + StandardDeviation * StandardNormal(u1, u2);
}

public sealed record UniformDistribution(double Low, double High) : ParametricDistribution(Low, High)
{
    public override double Draw(double u1, double u2) => Low + (High - Low) * u1;
}

/// <summary>Uniform on a log scale: for sizes and rates known only to an order of magnitude (e.g. detection 1e8–1e10 cells).</summary>
public sealed record LogUniformDistribution(double Low, double High) : ParametricDistribution(Low, High)
{
    public override double Draw(double u1, double u2) => Math.Exp(Math.Log(Low) + (Math.Log(High) - Math.Log(Low)) * u1);
}
