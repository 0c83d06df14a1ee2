using ResistanceSim.Analysis.Survival;

namespace ResistanceSim.Analysis.Tests.Survival;

/// <summary>
/// Freireich et al. (1963), Blood 21:699: remission times (weeks) of 42 children with acute leukaemia,
/// 21 on 6-mercaptopurine and 21 on placebo (the R MASS <c>gehan</c> data; Kleinbaum &amp; Klein,
/// "Survival Analysis", 3rd ed., ch. 2). Censored 6-MP times are marked with a false event flag.
/// </summary>
/// <remarks>
/// Reference numbers in the tests come from R 4.2.2 with survival 3.5.3:
/// <code>
/// d &lt;- data.frame(time = c(sixMp, placebo), status = c(e6, rep(1, 21)), placebo = rep(0:1, each = 21))
/// </code>
/// and the calls named next to each expected value.
/// </remarks>
internal static class FreireichData
{
    public static readonly SurvivalObservation[] SixMp = SurvivalObservation.FromArrays(
        [6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35],
        [true, true, true, false, true, false, true, false, false, true, true, false, false, false, true, true, false, false, false, false, false]);

    public static readonly SurvivalObservation[] Placebo = SurvivalObservation.FromArrays(
        [1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23],
        Enumerable.Repeat(true, 21).ToArray());
}
