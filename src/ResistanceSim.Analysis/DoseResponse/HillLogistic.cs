namespace ResistanceSim.Analysis.DoseResponse;

/// <summary>The logistic core s = 1/(1 + (c/IC50)^h) = 1/(1 + e^z), z = h(ln c − ln IC50), written so
/// that it neither overflows for extreme z nor produces NaN at c = 0 (ln 0 = −∞).</summary>
internal static class HillLogistic
{
    /// <summary>z = h(ln c − log IC50); ±∞ at c = 0 depending on the sign of h (0 when h = 0).</summary>
    public static double Exponent(double concentration, double logIc50, double hillSlope)
    {
        if (concentration > 0)
        {
            return hillSlope * (Math.Log(concentration) - logIc50);
        }

        return hillSlope > 0 ? double.NegativeInfinity : hillSlope < 0 ? double.PositiveInfinity : 0;
    }

    public static double FractionOfTop(double concentration, double logIc50, double hillSlope) =>
        Sigmoid(-Exponent(concentration, logIc50, hillSlope));

    // 1/(1 + e^−x) evaluated on the side that cannot overflow.
    public static double Sigmoid(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));
}
