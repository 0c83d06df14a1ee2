namespace ResistanceSim.Analysis.DoseResponse;

/// <summary>
/// Data-driven starting values for the Hill fit (the self-starter idea of R drc's LL.4): plateaus
/// from the mean responses at the lowest and highest concentration, IC50 where the concentration-group
/// means cross the midpoint (interpolated on log c), slope from a least-squares line through the
/// logit-transformed interior points. Working from group means keeps replicate noise from deciding
/// the start.
/// </summary>
internal static class HillStartingValues
{
    public static (double Bottom, double Top, double LogIc50, double HillSlope) Estimate(
        IReadOnlyList<(double Concentration, double Mean)> groups)
    {
        // groups: distinct concentrations ascending with their mean response.
        var top = groups[0].Mean;
        var bottom = groups[^1].Mean;
        var positive = groups.Where(g => g.Concentration > 0).ToArray();
        var logC = positive.Select(g => Math.Log(g.Concentration)).ToArray();

        var mid = (top + bottom) / 2;
        var logIc50 = logC.Average();
        for (var i = 0; i + 1 < positive.Length; i++)
        {
            double y0 = positive[i].Mean - mid, y1 = positive[i + 1].Mean - mid;
            if (y0 == 0 || Math.Sign(y0) != Math.Sign(y1))
            {
                logIc50 = y0 == y1 ? logC[i] : logC[i] + (logC[i + 1] - logC[i]) * y0 / (y0 - y1);
                break;
            }
        }

        return (bottom, top, logIc50, SlopeFromLogit(positive, logC, bottom, top));
    }

    private static double SlopeFromLogit((double Concentration, double Mean)[] positive, double[] logC, double bottom, double top)
    {
        const double DefaultSlope = 1;
        var span = top - bottom;
        if (span == 0)
        {
            return DefaultSlope;
        }

        // Points well inside the plateaus: w = ln((top − y)/(y − bottom)) = h(ln c − ln IC50).
        var xs = new List<double>();
        var ws = new List<double>();
        for (var i = 0; i < positive.Length; i++)
        {
            var f = (positive[i].Mean - bottom) / span;
            if (f > 0.05 && f < 0.95)
            {
                xs.Add(logC[i]);
                ws.Add(Math.Log((1 - f) / f));
            }
        }

        if (xs.Count < 2)
        {
            return DefaultSlope;
        }

        double mx = xs.Average(), mw = ws.Average(), sxx = 0, sxw = 0;
        for (var i = 0; i < xs.Count; i++)
        {
            sxx += (xs[i] - mx) * (xs[i] - mx);
            sxw += (xs[i] - mx) * (ws[i] - mw);
        }

        var slope = sxx > 0 ? sxw / sxx : DefaultSlope;
        return double.IsFinite(slope) && slope > 0 ? Math.Clamp(slope, 0.2, 10) : DefaultSlope;
    }
}
