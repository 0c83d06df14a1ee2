namespace ResistanceSim.Model.Calibration;

/// <summary>
/// A free parameter's prior. ABC-SMC perturbs particles in the prior's <em>kernel space</em> — the log of a
/// log-uniform parameter (rates and sizes known to an order of magnitude), the value itself otherwise — where the
/// prior density is simple and a Gaussian step is equally plausible in every direction.
/// </summary>
public abstract record Prior
{
    /// <summary>Draws a value (natural scale) from <paramref name="uniform"/>, a source of uniforms in (0, 1).</summary>
    public abstract double Sample(Func<double> uniform);

    public abstract double ToKernelSpace(double value);

    public abstract double FromKernelSpace(double z);

    /// <summary>Density in kernel space, up to a constant; 0 outside the support.</summary>
    public abstract double KernelSpaceDensity(double z);

    /// <summary>Lowest and highest value the prior allows (natural scale; infinite when unbounded).</summary>
    public abstract (double Min, double Max) Support { get; }

    /// <summary>A central value inside the support (checks that the scenarios accept the parameter).</summary>
    public abstract double Centre { get; }

    /// <summary>How the prior was written, for reports: <c>loguniform(1e-9, 1e-6)</c>.</summary>
    public abstract string Describe();
}

public sealed record UniformPrior(double Min, double Max) : Prior
{
    public override double Sample(Func<double> uniform) => Min + (Max - Min) * uniform();

    public override double ToKernelSpace(double value) => value;

    public override double FromKernelSpace(double z) => z;

    public override double KernelSpaceDensity(double z) => z >= Min && z <= Max ? 1 : 0;

    public override (double Min, double Max) Support => (Min, Max);

    public override double Centre => (Min + Max) / 2;

    public override string Describe() => FormattableString.Invariant($"uniform({Min:G4}, {Max:G4})");
}

public sealed record LogUniformPrior(double Min, double Max) : Prior
{
    public override double Sample(Func<double> uniform) => Math.Exp(Math.Log(Min) + (Math.Log(Max) - Math.Log(Min)) * uniform());

    public override double ToKernelSpace(double value) => Math.Log(value);

    public override double FromKernelSpace(double z) => Math.Exp(z);

    public override double KernelSpaceDensity(double z) => z >= Math.Log(Min) && z <= Math.Log(Max) ? 1 : 0;

    public override (double Min, double Max) Support => (Min, Max);

    public override double Centre => Math.Sqrt(Min * Max);

    public override string Describe() => FormattableString.Invariant($"loguniform({Min:G4}, {Max:G4})");
}

/// <summary>Normal(mean, sd²), optionally truncated to [Min, Max] (sampled by redrawing).</summary>
public sealed record NormalPrior(double Mean, double StandardDeviation, double Min, double Max) : Prior
{
    private const int MaxRedraws = 100_000;

    public override double Sample(Func<double> uniform)
    {
        ArgumentNullException.ThrowIfNull(uniform);
        for (int attempt = 0; attempt < MaxRedraws; attempt++)
        {
            // Box–Muller, cosine branch only: each draw uses its own two uniforms.
            double x = Mean + StandardDeviation * Math.Sqrt(-2 * Math.Log(uniform())) * Math.Cos(2 * Math.PI * uniform());
            if (x >= Min && x <= Max) return x;
        }
        throw new InvalidOperationException(FormattableString.Invariant($"normal({Mean}, {StandardDeviation}) truncated to [{Min}, {Max}] gave no draw in {MaxRedraws}"));
    }

    public override double ToKernelSpace(double value) => value;

    public override double FromKernelSpace(double z) => z;

    public override double KernelSpaceDensity(double z)
    {
        if (z < Min || z > Max) return 0;
        double u = (z - Mean) / StandardDeviation;
        return Math.Exp(-0.5 * u * u);
    }

    public override (double Min, double Max) Support => (Min, Max);

    public override double Centre => Math.Clamp(Mean, Min, Max);

    public override string Describe() => double.IsInfinity(Min) && double.IsInfinity(Max)
        ? FormattableString.Invariant($"normal({Mean:G4}, {StandardDeviation:G4})")
        : FormattableString.Invariant($"normal({Mean:G4}, {StandardDeviation:G4}) in [{Min:G4}, {Max:G4}]");
}
