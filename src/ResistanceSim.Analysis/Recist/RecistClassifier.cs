namespace ResistanceSim.Analysis.Recist;

/// <summary>
/// RECIST 1.1 classification of target-lesion sums (Eisenhauer et al. 2009, Eur J Cancer 45:228).
/// Use it on the simulated tumour burden of virtual patients at the protocol's imaging visits
/// (every 6 weeks in PROFILE 1014).
/// </summary>
/// <remarks>
/// For each follow-up scan, in this order:
/// <list type="number">
/// <item>PD if the sum is ≥ (1 + 20%) × nadir and ≥ nadir + 5 mm, where the nadir is the smallest sum
/// so far including baseline. After a CR (nadir 0) any reappearance (sum &gt; 0) is PD, as a
/// reappearing lesion is a new lesion in RECIST 1.1.</item>
/// <item>CR if the sum is 0.</item>
/// <item>PR if the sum is ≥ 30% below baseline.</item>
/// <item>SD otherwise.</item>
/// </list>
/// Thresholds are compared with a relative tolerance of 1e-9 so that a change of exactly 30% or 20%
/// qualifies despite rounding. Best overall response: the best category among scans up to and
/// including the first PD; confirmation of CR/PR by a second scan is not required (RECIST 1.1 §4.4:
/// not required in randomised trials) and no minimum duration for SD is applied. Only target-lesion
/// sums are modelled: no non-target or new-lesion information other than reappearance after CR.
/// </remarks>
public static class RecistClassifier
{
    private const double RelativeTolerance = 1e-9;

    /// <summary>Classifies <paramref name="followUp"/> (times strictly increasing, after baseline)
    /// against <paramref name="baseline"/> (sum &gt; 0: measurable disease).</summary>
    public static RecistAssessment Classify(
        TumourScan baseline, IReadOnlyList<TumourScan> followUp, RecistThresholds? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        thresholds ??= RecistThresholds.Recist11;
        Validate(baseline, followUp);

        var nadir = baseline.SumOfDiametersMm;
        var scans = new ScanAssessment[followUp.Count];
        double? firstProgression = null;
        var best = RecistResponse.NotEvaluable;
        for (var i = 0; i < followUp.Count; i++)
        {
            var scan = followUp[i];
            var response = Classify(baseline.SumOfDiametersMm, nadir, scan.SumOfDiametersMm, thresholds);
            var nadirAfter = Math.Min(nadir, scan.SumOfDiametersMm);
            scans[i] = new ScanAssessment(
                scan,
                scan.SumOfDiametersMm / baseline.SumOfDiametersMm - 1,
                nadir,
                nadir > 0 ? scan.SumOfDiametersMm / nadir - 1 : double.NaN,
                nadirAfter,
                response);

            if (firstProgression is null)
            {
                // Enum order is best-first, so the best response is the smallest value seen.
                best = (RecistResponse)Math.Min((int)best, (int)response);
                if (response == RecistResponse.ProgressiveDisease)
                {
                    firstProgression = scan.Time;
                }
            }

            nadir = nadirAfter;
        }

        return new RecistAssessment(baseline, scans, best, firstProgression);
    }

    /// <summary>Category of one sum given the baseline and the nadir before it.</summary>
    public static RecistResponse Classify(double baselineMm, double nadirMm, double sumMm, RecistThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        var slack = RelativeTolerance * Math.Max(1, baselineMm);
        var increase = sumMm - nadirMm;
        var progressed = nadirMm == 0
            ? sumMm > 0
            : increase >= thresholds.ProgressionRelativeIncrease * nadirMm - slack
              && increase >= thresholds.ProgressionAbsoluteIncreaseMm - slack;
        if (progressed)
        {
            return RecistResponse.ProgressiveDisease;
        }

        if (sumMm == 0)
        {
            return RecistResponse.CompleteResponse;
        }

        return baselineMm - sumMm >= thresholds.PartialResponseDecrease * baselineMm - slack
            ? RecistResponse.PartialResponse
            : RecistResponse.StableDisease;
    }

    private static void Validate(TumourScan baseline, IReadOnlyList<TumourScan> followUp)
    {
        if (!double.IsFinite(baseline.SumOfDiametersMm) || baseline.SumOfDiametersMm <= 0)
        {
            throw new ArgumentException(FormattableString.Invariant(
                $"Baseline sum of diameters must be > 0 mm (measurable disease); {baseline.SumOfDiametersMm} supplied."), nameof(baseline));
        }

        var previous = baseline.Time;
        foreach (var scan in followUp)
        {
            if (!double.IsFinite(scan.SumOfDiametersMm) || scan.SumOfDiametersMm < 0)
            {
                throw new ArgumentException(FormattableString.Invariant(
                    $"Sum of diameters must be finite and >= 0 mm; {scan.SumOfDiametersMm} supplied."), nameof(followUp));
            }

            if (!(scan.Time > previous))
            {
                throw new ArgumentException(FormattableString.Invariant(
                    $"Scan times must increase strictly after baseline; {scan.Time} follows {previous}."), nameof(followUp));
            }

            previous = scan.Time;
        }
    }
}
