using ResistanceSim.Cli;
using ResistanceSim.Output.Reading;
using ResistanceSim.Verification.Support;

namespace ResistanceSim.Verification;

/// <summary>
/// What docs/protocols.md ("Space and adaptive therapy") says <c>scenarios/spatial-adaptive-therapy.yaml</c> shows,
/// from the shipped scenario as users run it (4 replicates per arm and placement): time to failure
/// (<c>summary.end_day</c>) is longer in space than well mixed, longer for a central clump than for scattered
/// resistant cells, and adaptive dosing delays failure in space but hastens it well mixed. Each comparison of
/// replicate means must exceed 4.5 standard errors of the difference.
/// </summary>
[Trait("Category", "Verification")]
public class SpatialAdaptiveTherapyTests
{
    private const int Continuous = 0, Adaptive = 1, Clustered = 0, Scattered = 1;

    [Fact]
    public async Task SpaceClusteringAndAdaptiveDosingChangeTheTimeToFailureAsDocumented()
    {
        string root = Path.Combine(Path.GetTempPath(), "resistancesim-verification", Guid.NewGuid().ToString("N"));
        try
        {
            var space = await FailureDays(root, "agents");
            var mixed = await FailureDays(root, "hybrid");

            AssertLonger(space[(Continuous, Scattered)], mixed[(Continuous, Scattered)], "space vs well mixed, continuous, scattered");
            AssertLonger(space[(Continuous, Clustered)], space[(Continuous, Scattered)], "clustered vs scattered, continuous, in space");
            AssertLonger(space[(Adaptive, Clustered)], space[(Continuous, Clustered)], "adaptive vs continuous, clustered, in space");
            AssertLonger(mixed[(Continuous, Scattered)], mixed[(Adaptive, Scattered)], "continuous vs adaptive, well mixed");
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<Dictionary<(int Arm, int Point), double[]>> FailureDays(string root, string engine)
    {
        string scenario = Path.Combine(VerificationScenarios.RepositoryRoot(), "scenarios", "spatial-adaptive-therapy.yaml");
        string output = Path.Combine(root, engine);
        int code = await CommandLine.InvokeAsync(["run", scenario, "--engine", engine, "--out", output, "--no-plots", "--format", "csv"],
            TextWriter.Null, TextWriter.Null, CancellationToken.None);
        Assert.Equal(0, code);
        var summary = RunTableReader.Read(Path.Combine(output, "spatial-adaptive-therapy"), "summary");
        return Enumerable.Range(0, summary.RowCount)
            .GroupBy(r => ((int)summary.Long("arm", r), (int)summary.Long("point", r)))
            .ToDictionary(g => g.Key, g => g.Select(r => summary.Double("end_day", r)).ToArray());
    }

    private static void AssertLonger(double[] longer, double[] shorter, string what)
    {
        double difference = longer.Average() - shorter.Average();
        double se = Math.Sqrt(Variance(longer) / longer.Length + Variance(shorter) / shorter.Length);
        Assert.True(difference > Tolerance.Sigmas * se,
            FormattableString.Invariant($"{what}: means {longer.Average():F1} vs {shorter.Average():F1} days, difference {difference:F1} ≤ {Tolerance.Sigmas} × SE {se:F2}"));
    }

    private static double Variance(double[] x) => Tolerance.StandardDeviation(x) is var sd ? sd * sd : 0;
}
