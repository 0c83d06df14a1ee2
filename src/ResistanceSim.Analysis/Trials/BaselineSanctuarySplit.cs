using ResistanceSim.Analysis.Survival;

namespace ResistanceSim.Analysis.Trials;

/// <summary>
/// An arm's patients split by whether a sanctuary lesion (such as a brain metastasis) was visible at the arm's baseline,
/// with each group's Kaplan–Meier median PFS: first-line ALK trials report PFS by baseline CNS metastases (ALEX: Gadgeel
/// et al. 2018, Ann Oncol 29:2214), a check of the model's brain beside the targets it was fitted to.
/// </summary>
/// <param name="WithLesion">Patients with the lesion visible at baseline.</param>
/// <param name="Patients">All patients of the arm.</param>
/// <param name="MedianWith">Median PFS (days) of those with it; NaN median when none has it or the curve stays above 0.5.</param>
/// <param name="MedianWithout">Median PFS (days) of the others; NaN median likewise.</param>
public sealed record BaselineSanctuarySplit(int WithLesion, int Patients, MedianSurvival MedianWith, MedianSurvival MedianWithout)
{
    private static readonly MedianSurvival None = new(double.NaN, new ConfidenceInterval(double.NaN, double.NaN));

    /// <param name="pfs">Per patient: PFS time and event.</param>
    /// <param name="lesionAtBaseline">Per patient: a sanctuary lesion was visible at the baseline scan.</param>
    public static BaselineSanctuarySplit Split(IReadOnlyList<SurvivalObservation> pfs, IReadOnlyList<bool> lesionAtBaseline)
    {
        ArgumentNullException.ThrowIfNull(pfs);
        ArgumentNullException.ThrowIfNull(lesionAtBaseline);
        if (pfs.Count != lesionAtBaseline.Count)
            throw new ArgumentException($"{pfs.Count} PFS observations but {lesionAtBaseline.Count} baseline findings.", nameof(lesionAtBaseline));
        SurvivalObservation[] with = [.. pfs.Where((_, i) => lesionAtBaseline[i])];
        SurvivalObservation[] without = [.. pfs.Where((_, i) => !lesionAtBaseline[i])];
        return new BaselineSanctuarySplit(with.Length, pfs.Count, Median(with), Median(without));
    }

    private static MedianSurvival Median(SurvivalObservation[] group) => group.Length == 0 ? None : KaplanMeierEstimator.Estimate(group).Median;
}
