namespace ResistanceSim.Analysis.DoseResponse;

/// <summary>
/// Four-parameter log-logistic (Hill) dose–response curve
/// y(c) = Bottom + (Top − Bottom) / (1 + (c / Ic50)^HillSlope) (Hill 1910; Ritz et al. 2015, PLoS ONE
/// 10:e0146021, the "LL.4" model of R drc). For a viability assay Top is the untreated level, Bottom
/// the plateau at high concentration, Ic50 the concentration at the midpoint (same unit as c, > 0) and
/// HillSlope &gt; 0 the steepness.
/// </summary>
public readonly record struct HillCurve(double Bottom, double Top, double Ic50, double HillSlope)
{
    /// <summary>Response at concentration <paramref name="concentration"/> ≥ 0 (c = 0 gives Top for a
    /// positive slope).</summary>
    public double Evaluate(double concentration)
    {
        var s = HillLogistic.FractionOfTop(concentration, Math.Log(Ic50), HillSlope);
        return Bottom + (Top - Bottom) * s;
    }
}
