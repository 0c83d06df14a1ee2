using ResistanceSim.Model.Clinical;

namespace ResistanceSim.Analysis.Recist;

/// <summary>
/// RECIST 1.1 classification of target-lesion sums (Eisenhauer et al. 2009, Eur J Cancer 45:228).
/// Use it on the simulated tumour burden of virtual patients at the protocol's imaging visits
/// (every 6 weeks in PROFILE 1014).
/// </summary>
/// <remarks>
/// Each follow-up scan is classified by <see cref="RecistThresholds.Classify"/> against the baseline and
/// the nadir before it (the smallest sum so far, baseline included). Best overall response: the best category among scans up to and
/// including the first PD; confirmation of CR/PR by a second scan is not required (RECIST 1.1 §4.4:
/// not required in randomised trials) and no minimum duration for SD is applied. Only target-lesion
/// sums are modelled: no non-target or new-lesion information other than reappearance after CR.
/// </remarks>
public static class RecistClassifier
{
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
            var response = thresholds.Classify(baseline.SumOfDiametersMm, nadir, scan.SumOfDiametersMm);
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
