namespace ResistanceSim.Analysis.GoodnessOfFit;

/// <summary>
/// Pearson's χ² goodness-of-fit test (Pearson 1900) with adjacent-bin merging so every expected count
/// is at least 5 (Cochran 1954, Biometrics 10:417). For discrete verification targets such as the
/// Luria–Delbrück distribution or extinction counts.
/// </summary>
/// <remarks>
/// Bins are taken in the order given (they should be ordered, e.g. by count). Walking left to right,
/// bins are accumulated until the expected sum reaches <c>minimumExpected</c>; a short remainder at the
/// end is merged into the last closed bin. χ² = Σ (O − E)²/E over merged bins, degrees of freedom =
/// bins − 1 − <c>estimatedParameters</c>, p from the χ² upper tail. Equals R <c>chisq.test(o, p = e/sum(e))</c>
/// on the merged bins when observed and expected totals agree.
/// </remarks>
public static class ChiSquareGoodnessOfFit
{
    /// <summary>Tests observed counts against expected counts (same length, expected &gt; 0).</summary>
    public static ChiSquareGoodnessOfFitResult Test(
        IReadOnlyList<double> observed,
        IReadOnlyList<double> expected,
        int estimatedParameters = 0,
        double minimumExpected = 5)
    {
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(expected);
        if (observed.Count != expected.Count || observed.Count == 0)
        {
            throw new ArgumentException("observed and expected must be non-empty and of equal length.", nameof(expected));
        }

        if (observed.Any(o => !double.IsFinite(o) || o < 0) || expected.Any(e => !double.IsFinite(e) || e <= 0))
        {
            throw new ArgumentException("Observed counts must be >= 0 and expected counts > 0, all finite.", nameof(expected));
        }

        if (estimatedParameters < 0 || !(minimumExpected >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(estimatedParameters), "Parameters and minimum expected count must be >= 0.");
        }

        var (mergedObserved, mergedExpected) = Merge(observed, expected, minimumExpected);
        var dof = mergedObserved.Count - 1 - estimatedParameters;
        if (dof < 1)
        {
            throw new ArgumentException(FormattableString.Invariant(
                $"After merging to expected >= {minimumExpected} only {mergedObserved.Count} bins remain: no degrees of freedom left."), nameof(expected));
        }

        double statistic = 0;
        for (var i = 0; i < mergedObserved.Count; i++)
        {
            var diff = mergedObserved[i] - mergedExpected[i];
            statistic += diff * diff / mergedExpected[i];
        }

        return new ChiSquareGoodnessOfFitResult(ChiSquareTestResult.From(statistic, dof), mergedObserved, mergedExpected);
    }

    /// <summary>Tests observed counts against bin probabilities (scaled by the observed total; the
    /// probabilities should sum to 1, with any tail mass folded into the last bin by the caller).</summary>
    public static ChiSquareGoodnessOfFitResult TestProbabilities(
        IReadOnlyList<double> observed, IReadOnlyList<double> probabilities, int estimatedParameters = 0, double minimumExpected = 5)
    {
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(probabilities);
        var total = observed.Sum();
        return Test(observed, [.. probabilities.Select(p => p * total)], estimatedParameters, minimumExpected);
    }

    private static (List<double> Observed, List<double> Expected) Merge(
        IReadOnlyList<double> observed, IReadOnlyList<double> expected, double minimumExpected)
    {
        var mergedObserved = new List<double>();
        var mergedExpected = new List<double>();
        double o = 0, e = 0;
        for (var i = 0; i < observed.Count; i++)
        {
            o += observed[i];
            e += expected[i];
            if (e >= minimumExpected)
            {
                mergedObserved.Add(o);
                mergedExpected.Add(e);
                o = e = 0;
            }
        }

        if (e > 0)
        {
            if (mergedObserved.Count == 0)
            {
                mergedObserved.Add(o);
                mergedExpected.Add(e);
            }
            else
            {
                mergedObserved[^1] += o;
                mergedExpected[^1] += e;
            }
        }

        return (mergedObserved, mergedExpected);
    }
}
