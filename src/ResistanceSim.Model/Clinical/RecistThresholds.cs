namespace ResistanceSim.Model.Clinical;

/// <summary>
/// RECIST 1.1 response thresholds (Eisenhauer et al. 2009, Eur J Cancer 45:228, §4.3.1): partial
/// response is a decrease of at least 30% from baseline; progression is an increase of at least 20%
/// over the nadir together with an absolute increase of at least 5 mm. Change them only for
/// sensitivity analyses. <see cref="Classify"/> is the one place the per-scan rule lives: the
/// engine's progression check and the analysis of whole courses both call it.
/// </summary>
public sealed record RecistThresholds(
    double PartialResponseDecrease = 0.30,
    double ProgressionRelativeIncrease = 0.20,
    double ProgressionAbsoluteIncreaseMm = 5.0)
{
    /// <summary>Thresholds are compared with this relative slack (of the baseline, or of the nadir for progression) so that a change of exactly 30% or 20% qualifies despite rounding.</summary>
    private const double RelativeTolerance = 1e-9;

    /// <summary>The published RECIST 1.1 values.</summary>
    public static RecistThresholds Recist11 { get; } = new();

    /// <summary>
    /// Category of one follow-up sum given the baseline and the nadir before it (smallest sum so far,
    /// baseline included), in this order: PD if the sum is ≥ (1 + 20%) × nadir and ≥ nadir + 5 mm — after
    /// a CR (nadir 0) any reappearance is PD, as a reappearing lesion is a new lesion; CR if the sum is 0;
    /// PR if it is ≥ 30% below baseline; SD otherwise.
    /// </summary>
    public RecistResponse Classify(double baselineMm, double nadirMm, double sumMm)
    {
        if (IsProgression(nadirMm, sumMm)) return RecistResponse.ProgressiveDisease;
        if (sumMm == 0) return RecistResponse.CompleteResponse;
        return baselineMm - sumMm >= PartialResponseDecrease * baselineMm - Slack(baselineMm)
            ? RecistResponse.PartialResponse
            : RecistResponse.StableDisease;
    }

    /// <summary>True when <paramref name="sumMm"/> is progression over <paramref name="nadirMm"/> (see <see cref="Classify"/>).</summary>
    public bool IsProgression(double nadirMm, double sumMm)
    {
        if (nadirMm == 0) return sumMm > 0;
        double increase = sumMm - nadirMm, slack = Slack(nadirMm);
        return increase >= ProgressionRelativeIncrease * nadirMm - slack
            && increase >= ProgressionAbsoluteIncreaseMm - slack;
    }

    private static double Slack(double baselineMm) => RelativeTolerance * Math.Max(1, baselineMm);
}
