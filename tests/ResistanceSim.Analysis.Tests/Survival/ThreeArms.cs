using ResistanceSim.Analysis.Survival;

namespace ResistanceSim.Analysis.Tests.Survival;

/// <summary>
/// A small made-up three-arm data set (10 subjects per arm) with an age covariate, used to check the
/// k-group log-rank test and multi-covariate Cox fits against R. In R:
/// <code>
/// g &lt;- data.frame(time = ThreeArms times, status = events, arm = rep(c("A","B","C"), each = 10), age = Ages)
/// </code>
/// </summary>
internal static class ThreeArms
{
    public static readonly double[] Times =
    [
        3, 5, 5, 7, 8, 10, 12, 12, 15, 18,
        2, 4, 4, 6, 9, 9, 11, 13, 14, 20,
        1, 2, 3, 3, 5, 6, 8, 10, 10, 16,
    ];

    public static readonly bool[] Events =
    [
        true, true, false, true, true, false, true, true, false, true,
        true, false, true, true, true, true, false, true, true, false,
        true, true, true, false, true, true, true, true, false, true,
    ];

    public static readonly double[] Ages =
    [
        61, 54, 70, 66, 48, 59, 73, 52, 64, 57,
        68, 50, 62, 71, 45, 58, 66, 60, 55, 49,
        72, 63, 58, 69, 51, 65, 60, 74, 56, 62,
    ];

    public static SurvivalObservation[] All => SurvivalObservation.FromArrays(Times, Events);

    public static IReadOnlyList<SurvivalObservation>[] Groups =>
        [.. Enumerable.Range(0, 3).Select(g => All.Skip(10 * g).Take(10).ToArray())];

    /// <summary>Rows (armB, armC, age), arm A the reference.</summary>
    public static IReadOnlyList<double>[] Covariates =>
        [.. Enumerable.Range(0, 30).Select(i => (IReadOnlyList<double>)[i / 10 == 1 ? 1 : 0, i / 10 == 2 ? 1 : 0, Ages[i]])];
}
