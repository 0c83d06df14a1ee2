namespace ResistanceSim.Plotting.Charts;

/// <summary>
/// A four-parameter logistic (Hill) dose–response curve,
/// f(c) = Bottom + (Top − Bottom) / (1 + (c / Ic50)^HillSlope); a positive slope falls with dose.
/// The chart evaluates it itself so that plotting does not depend on the fitting code.
/// </summary>
public sealed record HillCurve(double Bottom, double Top, double Ic50, double HillSlope)
{
    /// <summary>The response at concentration <paramref name="concentration"/> (≥ 0).</summary>
    public double Evaluate(double concentration)
    {
        if (!(Ic50 > 0))
        {
            throw new InvalidOperationException($"IC50 must be > 0 ({Ic50} supplied).");
        }

        if (concentration <= 0)
        {
            return HillSlope >= 0 ? Top : Bottom;
        }

        return Bottom + ((Top - Bottom) / (1 + Math.Pow(concentration / Ic50, HillSlope)));
    }
}
