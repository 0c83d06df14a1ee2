namespace ResistanceSim.Scenarios.Sweeps;

/// <summary>
/// How one parameter varies between virtual patients (docs/trials.md), optionally truncated to
/// [<see cref="Min"/>, <see cref="Max"/>] by redrawing. Draws take standard uniforms so the caller owns the stream.
/// </summary>
public abstract record PatientDistribution(double Min, double Max)
{
    /// <summary>A draw from the untruncated distribution given two independent uniforms in (0, 1).</summary>
    public abstract double Draw(double u1, double u2);

    /// <summary>Standard normal from two uniforms (Box–Muller; the cosine branch only, so draws stay independent of each other).</summary>
    protected static double StandardNormal(double u1, double u2) => Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
}

/// <summary>log X ~ Normal(ln median, sigma²): the usual model of between-patient variability of rates and clearances.</summary>
public sealed record LogNormalDistribution(double Median, double Sigma, double Min, double Max) : PatientDistribution(Min, Max)
{
    public override double Draw(double u1, double u2) => Median * Math.Exp(Sigma * StandardNormal(u1, u2));
}

public sealed record NormalDistribution(double Mean, double StandardDeviation, double Min, double Max) : PatientDistribution(Min, Max)
{
    public override double Draw(double u1, double u2) => Mean + StandardDeviation * StandardNormal(u1, u2);
}

public sealed record UniformDistribution(double Low, double High) : PatientDistribution(Low, High)
{
    public override double Draw(double u1, double u2) => Low + (High - Low) * u1;
}

/// <summary>Uniform on a log scale: for sizes and rates known only to an order of magnitude (e.g. detection 1e8–1e10 cells).</summary>
public sealed record LogUniformDistribution(double Low, double High) : PatientDistribution(Low, High)
{
    public override double Draw(double u1, double u2) => Math.Exp(Math.Log(Low) + (Math.Log(High) - Math.Log(Low)) * u1);
}
