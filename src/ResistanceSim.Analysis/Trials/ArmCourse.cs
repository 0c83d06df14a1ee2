using ResistanceSim.Analysis.Descriptive;
using ResistanceSim.Analysis.Proportions;

namespace ResistanceSim.Analysis.Trials;

/// <summary>
/// What an arm's patients were like at the start of the arm and how it ended for them, beside the PFS readout: the share
/// cured (no tumour cell left by the end of follow-up, Wilson 95% CI), patients who switched to a later line on
/// progression, and the distribution of the resistant fraction at the arm's start (median, 90th percentile, share of
/// tumours more than half resistant) — the pre-existing resistance a model should not overstate.
/// </summary>
public sealed record ArmCourse(
    string Name, ProportionEstimate Cured, int SwitchedLines,
    double ResistantFractionMedian, double ResistantFractionP90, ProportionEstimate MostlyResistant)
{
    /// <summary>Progressions that were a sanctuary site seen as a new lesion (0 when scans do not image sanctuaries apart).</summary>
    public int NewLesionProgressions { get; init; }

    /// <summary>Progressions at a sanctuary site imaged apart, new lesions included (0 when scans do not image sanctuaries apart).</summary>
    public int SanctuaryProgressions { get; init; }

    /// <summary>Patients whose progression was seen.</summary>
    public int Progressions { get; init; }

    /// <summary>The arm split by a sanctuary lesion visible at baseline; null when the scans do not image sanctuaries apart.</summary>
    public BaselineSanctuarySplit? SanctuaryAtBaseline { get; init; }

    /// <param name="resistantFractionAtStart">Per patient: cells carrying any mechanism / all cells, at day 0 of the arm.</param>
    /// <param name="linesStarted">Per patient: lines of the arm's protocol started (1 plus switches on progression).</param>
    public static ArmCourse Summarise(string name, IReadOnlyList<bool> cured, IReadOnlyList<double> resistantFractionAtStart, IReadOnlyList<int> linesStarted)
    {
        ArgumentNullException.ThrowIfNull(cured);
        ArgumentNullException.ThrowIfNull(resistantFractionAtStart);
        ArgumentNullException.ThrowIfNull(linesStarted);
        if (cured.Count == 0 || resistantFractionAtStart.Count != cured.Count || linesStarted.Count != cured.Count)
            throw new ArgumentException($"Arm '{name}': per-patient lists must be non-empty and of equal length.");
        var quantiles = SampleQuantile.Type7(resistantFractionAtStart, [0.5, 0.9]);
        return new ArmCourse(name,
            WilsonScoreInterval.Estimate(cured.Count(c => c), cured.Count),
            linesStarted.Count(l => l > 1),
            quantiles[0], quantiles[1],
            WilsonScoreInterval.Estimate(resistantFractionAtStart.Count(f => f > 0.5), cured.Count));
    }
}
