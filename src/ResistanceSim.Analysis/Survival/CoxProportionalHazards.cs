using MathNet.Numerics.LinearAlgebra;

namespace ResistanceSim.Analysis.Survival;

/// <summary>
/// Cox proportional-hazards regression (Cox 1972, JRSS-B 34:187) by Newton–Raphson on the partial
/// likelihood (<see cref="CoxPartialLikelihood"/>), Efron ties by default, Breslow on request.
/// Use <see cref="FitArms"/> for the hazard ratio of one arm against another in a virtual trial,
/// <see cref="Fit"/> for several covariates.
/// </summary>
/// <remarks>
/// Start β = 0; step β ← β + I(β)⁻¹U(β), halving the step while the log-likelihood decreases;
/// stop when the largest step is below 1e-10 or the log-likelihood changes by less than 1e-13
/// relative. A fit whose final Newton step is still large relative to β (monotone likelihood, β → ±∞)
/// is reported with <see cref="CoxFit.Converged"/> = false. Standard errors from I(β̂)⁻¹; Wald intervals exp(β ± zSE). Global tests on p degrees of
/// freedom: likelihood ratio 2(ℓ(β̂) − ℓ(0)), Wald β̂ᵀI(β̂)β̂, score U(0)ᵀI(0)⁻¹U(0) (the score test with
/// one binary covariate and no ties is the log-rank test). Matches R <c>coxph</c> on the Freireich data.
/// </remarks>
public static class CoxProportionalHazards
{
    private const int MaxStepHalvings = 30;

    /// <summary>Hazard ratio of <paramref name="treatment"/> versus <paramref name="reference"/>
    /// (covariate 1 for treatment, 0 for reference).</summary>
    public static CoxFit FitArms(
        IReadOnlyList<SurvivalObservation> reference,
        IReadOnlyList<SurvivalObservation> treatment,
        CoxTies ties = CoxTies.Efron,
        double confidenceLevel = 0.95)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(treatment);
        var outcomes = reference.Concat(treatment).ToArray();
        var covariates = reference.Select(_ => (IReadOnlyList<double>)[0.0])
            .Concat(treatment.Select(_ => (IReadOnlyList<double>)[1.0]))
            .ToArray();
        return Fit(outcomes, covariates, ties, confidenceLevel);
    }

    /// <summary>Fits the model; <paramref name="covariates"/>[i] is subject i's covariate row (all rows
    /// the same length p ≥ 1).</summary>
    public static CoxFit Fit(
        IReadOnlyList<SurvivalObservation> outcomes,
        IReadOnlyList<IReadOnlyList<double>> covariates,
        CoxTies ties = CoxTies.Efron,
        double confidenceLevel = 0.95,
        int maxIterations = 50)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(covariates);
        SurvivalObservation.Validate(outcomes, nameof(outcomes));
        Guard.ConfidenceLevel(confidenceLevel, nameof(confidenceLevel));
        Validate(outcomes, covariates);

        var likelihood = new CoxPartialLikelihood(outcomes, covariates, ties);
        var p = likelihood.Dimension;
        var beta = Vector<double>.Build.Dense(p);
        var (nullLogLik, nullScore, nullInfo) = likelihood.Evaluate(beta);
        var scoreStatistic = nullScore.DotProduct(nullInfo.PseudoInverse() * nullScore);

        var (logLik, score, info) = (nullLogLik, nullScore, nullInfo);
        var converged = false;
        var iterations = 0;
        while (iterations < maxIterations && !converged)
        {
            iterations++;
            var step = info.Solve(score);
            if (!AllFinite(step))
            {
                break;
            }

            var candidate = beta + step;
            var next = likelihood.Evaluate(candidate);
            for (var h = 0; h < MaxStepHalvings && !(next.LogLikelihood >= logLik); h++)
            {
                step /= 2;
                candidate = beta + step;
                next = likelihood.Evaluate(candidate);
            }

            var change = Math.Abs(next.LogLikelihood - logLik);
            converged = step.AbsoluteMaximum() < 1e-10 || change <= 1e-13 * Math.Abs(logLik);
            beta = candidate;
            (logLik, score, info) = next;
        }

        converged &= !DivergingCoefficient(beta, score, info);
        return Summarise(beta, logLik, info, nullLogLik, scoreStatistic, ties, confidenceLevel, iterations, converged);
    }

    private static CoxFit Summarise(
        Vector<double> beta, double logLik, Matrix<double> info, double nullLogLik, double scoreStatistic,
        CoxTies ties, double confidenceLevel, int iterations, bool converged)
    {
        var p = beta.Count;
        var covariance = info.Inverse();
        var z = Guard.NormalQuantile(confidenceLevel);
        var se = new double[p];
        var hr = new double[p];
        var intervals = new ConfidenceInterval[p];
        var waldZ = new double[p];
        var waldP = new double[p];
        for (var j = 0; j < p; j++)
        {
            se[j] = Math.Sqrt(covariance[j, j]);
            hr[j] = Math.Exp(beta[j]);
            intervals[j] = new ConfidenceInterval(Math.Exp(beta[j] - z * se[j]), Math.Exp(beta[j] + z * se[j]));
            waldZ[j] = beta[j] / se[j];
            waldP[j] = TailProbability.NormalTwoSided(waldZ[j]);
        }

        return new CoxFit(
            beta.ToArray(), se, hr, intervals, waldZ, waldP, covariance.ToArray(),
            nullLogLik, logLik,
            ChiSquareTestResult.From(2 * (logLik - nullLogLik), p),
            ChiSquareTestResult.From(beta.DotProduct(info * beta), p),
            ChiSquareTestResult.From(scoreStatistic, p),
            ties, iterations, converged);
    }

    private static void Validate(IReadOnlyList<SurvivalObservation> outcomes, IReadOnlyList<IReadOnlyList<double>> covariates)
    {
        if (outcomes.Count != covariates.Count || outcomes.Count == 0)
        {
            throw new ArgumentException("Need one covariate row per outcome, and at least one outcome.", nameof(covariates));
        }

        var p = covariates[0]?.Count ?? 0;
        if (p == 0 || covariates.Any(r => r is null || r.Count != p || r.Any(v => !double.IsFinite(v))))
        {
            throw new ArgumentException("Covariate rows must be non-empty, of equal length and finite.", nameof(covariates));
        }

        for (var j = 0; j < p; j++)
        {
            var first = covariates[0][j];
            if (covariates.All(r => r[j] == first))
            {
                throw new ArgumentException(FormattableString.Invariant(
                    $"Covariate {j} has the same value for every subject: its coefficient is not identifiable."), nameof(covariates));
            }
        }

        if (!outcomes.Any(o => o.Event))
        {
            throw new ArgumentException("The Cox model needs at least one event.", nameof(outcomes));
        }
    }

    // Monotone likelihood (e.g. an arm without events): ℓ flattens while β runs off to ±∞, so the
    // log-likelihood test above passes but the Newton step stays large relative to β (the check R
    // coxph uses for its "coefficient may be infinite" warning).
    private static bool DivergingCoefficient(Vector<double> beta, Vector<double> score, Matrix<double> info)
    {
        var step = info.Solve(score);
        for (var j = 0; j < beta.Count; j++)
        {
            if (!double.IsFinite(step[j]) || Math.Abs(step[j]) > 1e-6 * (1 + Math.Abs(beta[j])))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AllFinite(Vector<double> v) => v.All(double.IsFinite);
}
