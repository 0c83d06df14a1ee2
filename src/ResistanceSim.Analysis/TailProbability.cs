using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace ResistanceSim.Analysis;

/// <summary>Upper-tail probabilities computed directly (not as 1 − CDF), so tiny p-values keep
/// their relative precision.</summary>
internal static class TailProbability
{
    /// <summary>P(χ²_dof ≥ x) = Q(dof/2, x/2), the regularised upper incomplete gamma function.</summary>
    public static double ChiSquareUpper(double dof, double x) =>
        x <= 0 ? 1.0 : SpecialFunctions.GammaUpperRegularized(dof / 2, x / 2);

    /// <summary>Two-sided normal p-value 2Φ(−|z|).</summary>
    public static double NormalTwoSided(double z) => 2 * Normal.CDF(0, 1, -Math.Abs(z));
}
