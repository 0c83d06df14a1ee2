using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace ResistanceSim.Analysis.DoseResponse;

/// <summary>
/// Fits a four-parameter Hill curve (<see cref="HillCurve"/>) to a viability assay by nonlinear least
/// squares (Levenberg 1944; Marquardt 1963; MathNet <see cref="LevenbergMarquardtMinimizer"/>), with
/// ln IC50 as the parameter so it stays positive and its error is symmetric on the log scale
/// (Ritz et al. 2015). Use it for the virtual 72 h assays of the stepwise-escalation protocol.
/// </summary>
/// <remarks>
/// Parameters θ = (Bottom, Top, ln IC50, h), analytic Jacobian. Starts from
/// <see cref="HillStartingValues"/> and also from slope 1; the lower residual sum of squares wins.
/// Standard errors from Cov = s²(JᵀJ)⁻¹ with s² = RSS/(n − 4); the IC50 interval is
/// exp(ln IC50 ± t_{n−4} · SE), t from Student's t. Flat data are caught by the extra-sum-of-squares
/// F test of the curve against a constant (F(3, n − 4); p above <c>flatnessAlpha</c> means no dose
/// response). A significant curve must also pass <see cref="HillFitLimits"/>: a fitted viability change across
/// the tested concentrations below the minimum span is no dose response, a slope outside the stated range is
/// not identifiable (did not converge), so a meaningless IC50 is never reported. Concentrations of 0
/// (untreated controls) are allowed and pin Top.
/// </remarks>
public static class HillCurveFitter
{
    private const int Parameters = 4;

    /// <summary>Fits the curve; <paramref name="concentrations"/> ≥ 0 and finite responses, same
    /// length. <paramref name="flatnessAlpha"/> in (0, 1), default 0.05.</summary>
    public static HillFitResult Fit(
        IReadOnlyList<double> concentrations,
        IReadOnlyList<double> responses,
        double confidenceLevel = 0.95,
        double flatnessAlpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(concentrations);
        ArgumentNullException.ThrowIfNull(responses);
        Validate(concentrations, responses);
        Guard.ConfidenceLevel(confidenceLevel, nameof(confidenceLevel));
        Guard.ConfidenceLevel(flatnessAlpha, nameof(flatnessAlpha));

        var n = concentrations.Count;
        var groups = concentrations.Zip(responses)
            .GroupBy(p => p.First)
            .OrderBy(g => g.Key)
            .Select(g => (Concentration: g.Key, Mean: g.Average(p => p.Second)))
            .ToArray();
        if (n < Parameters + 1 || groups.Length < Parameters || groups.Count(g => g.Concentration > 0) < 3)
        {
            return HillFitResult.Failed(HillFitStatus.InsufficientData,
                "A Hill fit needs at least 5 points at 4 or more distinct concentrations (3 of them > 0).");
        }

        var dof = n - Parameters;
        var mean = responses.Average();
        var totalSs = responses.Sum(y => (y - mean) * (y - mean));
        if (!(totalSs > 1e-24 * Math.Max(1, mean * mean) * n))
        {
            return HillFitResult.Failed(HillFitStatus.NoDoseResponse, "All responses are equal: there is no dose response.", dof, 1.0);
        }

        var x = Vector<double>.Build.DenseOfEnumerable(concentrations);
        var y = Vector<double>.Build.DenseOfEnumerable(responses);
        var best = BestFit(x, y, HillStartingValues.Estimate(groups));
        if (best is null)
        {
            return HillFitResult.Failed(HillFitStatus.DidNotConverge, "Levenberg–Marquardt produced no finite fit from any starting point.", dof);
        }

        var (theta, rss, iterations, converged) = best.Value;
        var flatnessP = FlatnessPValue(totalSs, rss, dof);
        if (flatnessP > flatnessAlpha)
        {
            return HillFitResult.Failed(HillFitStatus.NoDoseResponse, FormattableString.Invariant(
                $"The curve does not fit better than a constant (F test p = {flatnessP:G3}): no dose response."), dof, flatnessP, iterations);
        }

        var curve = new HillCurve(theta[0], theta[1], Math.Exp(theta[2]), theta[3]);
        var span = Math.Abs(curve.Evaluate(concentrations.Min()) - curve.Evaluate(concentrations.Max()));
        if (!(span >= HillFitLimits.MinimumViabilitySpan))
        {
            return HillFitResult.Failed(HillFitStatus.NoDoseResponse, FormattableString.Invariant(
                $"The fitted viability changes by {span:G3} across the tested concentrations, below the minimum span {HillFitLimits.MinimumViabilitySpan}: no dose response."),
                dof, flatnessP, iterations);
        }

        if (!converged)
        {
            return HillFitResult.Failed(HillFitStatus.DidNotConverge, "Levenberg–Marquardt reached its iteration limit.", dof, flatnessP, iterations);
        }

        var slope = Math.Abs(theta[3]);
        if (!(slope >= HillFitLimits.MinimumHillSlope && slope <= HillFitLimits.MaximumHillSlope))
        {
            return HillFitResult.Failed(HillFitStatus.DidNotConverge, FormattableString.Invariant(
                $"The fitted Hill slope {theta[3]:G3} is outside [{HillFitLimits.MinimumHillSlope}, {HillFitLimits.MaximumHillSlope}]: the series cannot resolve it, so neither slope nor IC50 is identifiable."),
                dof, flatnessP, iterations);
        }

        var jacobian = Jacobian(theta, x);
        var s2 = rss / dof;
        var covariance = (jacobian.TransposeThisAndMultiply(jacobian)).Inverse() * s2;
        var se = Enumerable.Range(0, Parameters).Select(j => Math.Sqrt(covariance[j, j])).ToArray();
        if (!se.All(double.IsFinite) || !theta.All(double.IsFinite))
        {
            return HillFitResult.Failed(HillFitStatus.DidNotConverge, "The parameters are not identifiable (singular covariance).", dof, flatnessP, iterations);
        }

        var t = StudentT.InvCDF(0, 1, dof, 0.5 + confidenceLevel / 2);
        var interval = new ConfidenceInterval(Math.Exp(theta[2] - t * se[2]), Math.Exp(theta[2] + t * se[2]));
        var tested = concentrations.Where(c => c > 0).ToArray();
        var inside = curve.Ic50 >= tested.Min() && curve.Ic50 <= tested.Max();
        return new HillFitResult(
            inside ? HillFitStatus.Converged : HillFitStatus.Ic50OutsideTestedRange,
            inside ? "Converged." : "Converged, but IC50 is outside the tested concentrations (extrapolated).",
            curve, se[0], se[1], se[2], se[3], interval, Math.Sqrt(s2), dof, flatnessP, iterations);
    }

    // Runs LM from each start; prefers converged runs, lowest RSS first. A run that hit the iteration
    // limit is kept as a fallback so the flatness test can still tell "flat" from "failed".
    private static (Vector<double> Theta, double Rss, int Iterations, bool Converged)? BestFit(
        Vector<double> x, Vector<double> y, (double Bottom, double Top, double LogIc50, double HillSlope) start)
    {
        (Vector<double> Theta, double Rss, int Iterations, bool Converged)? best = null;
        foreach (var slope in new[] { start.HillSlope, 1.0 }.Distinct())
        {
            var model = ObjectiveFunction.NonlinearModel(Model, Jacobian, x, y);
            var minimizer = new LevenbergMarquardtMinimizer(maximumIterations: 1000);
            var result = minimizer.FindMinimum(model, Vector<double>.Build.Dense([start.Bottom, start.Top, start.LogIc50, slope]));
            var theta = result.MinimizingPoint;
            if (result.ReasonForExit == ExitCondition.InvalidValues || !theta.All(double.IsFinite))
            {
                continue;
            }

            var residual = y - Model(theta, x);
            var candidate = (theta, residual.DotProduct(residual), result.Iterations, result.ReasonForExit != ExitCondition.ExceedIterations);
            if (best is null || (candidate.Item4, -candidate.Item2).CompareTo((best.Value.Converged, -best.Value.Rss)) > 0)
            {
                best = candidate;
            }
        }

        return best;
    }

    private static double FlatnessPValue(double totalSs, double rss, int dof)
    {
        if (rss <= 0)
        {
            return 0;
        }

        var f = (totalSs - rss) / (Parameters - 1) / (rss / dof);
        return f <= 0 ? 1 : 1 - FisherSnedecor.CDF(Parameters - 1, dof, f);
    }

    private static Vector<double> Model(Vector<double> theta, Vector<double> x) =>
        Vector<double>.Build.Dense(x.Count, i =>
            theta[0] + (theta[1] - theta[0]) * HillLogistic.FractionOfTop(x[i], theta[2], theta[3]));

    // ∂y/∂θ with s = 1/(1 + e^z): ∂Bottom = 1 − s, ∂Top = s, ∂lnIC50 = (T − B)·h·s(1 − s),
    // ∂h = −(T − B)(ln c − ln IC50)·s(1 − s); the last two vanish at c = 0.
    private static Matrix<double> Jacobian(Vector<double> theta, Vector<double> x)
    {
        var j = Matrix<double>.Build.Dense(x.Count, Parameters);
        var span = theta[1] - theta[0];
        for (var i = 0; i < x.Count; i++)
        {
            var s = HillLogistic.FractionOfTop(x[i], theta[2], theta[3]);
            var ds = s * (1 - s);
            j[i, 0] = 1 - s;
            j[i, 1] = s;
            if (x[i] > 0)
            {
                j[i, 2] = span * theta[3] * ds;
                j[i, 3] = -span * (Math.Log(x[i]) - theta[2]) * ds;
            }
        }

        return j;
    }

    private static void Validate(IReadOnlyList<double> concentrations, IReadOnlyList<double> responses)
    {
        if (concentrations.Count != responses.Count)
        {
            throw new ArgumentException("concentrations and responses must have the same length.", nameof(responses));
        }

        if (concentrations.Any(c => !double.IsFinite(c) || c < 0))
        {
            throw new ArgumentException("Concentrations must be finite and >= 0.", nameof(concentrations));
        }

        if (responses.Any(r => !double.IsFinite(r)))
        {
            throw new ArgumentException("Responses must be finite.", nameof(responses));
        }
    }
}
