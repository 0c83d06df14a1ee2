using ResistanceSim.Analysis.GoodnessOfFit;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;
using ResistanceSim.Verification.Support;

namespace ResistanceSim.Verification;

/// <summary>
/// The agent engine in its well-mixed limit (<c>space: { kind: none }</c>, exponential cycles) samples the same chain
/// as the exact engine, cell by cell: two-sample Kolmogorov–Smirnov, 1,000 replicates a side, each check failing
/// below p = 1e-4 (as <see cref="CrossEngineTests"/>). Cases: linear birth–death (its closed form is also checked on
/// every engine, agents included, by LinearBirthDeathOracleTests), Luria–Delbrück mutant counts, pre-existing
/// resistance under drug (final sizes and regrowth times) and drug-driven phenotype switching.
/// </summary>
[Trait("Category", "Verification")]
public class AgentWellMixedTests
{
    private const int N = 1_000;
    private const double Significance = 1e-4;

    [Theory]
    [InlineData("pure-growth")]
    [InlineData("treatment-preexisting")]
    [InlineData("phenotype-switching")]
    public void FinalSizesAndRegrowthTimesMatchTheExactEngine(string scenarioName)
    {
        var exact = Replicates.Run(VerificationScenarios.Load(scenarioName, EngineKind.Exact), "exact", N);
        var agents = Replicates.Run(VerificationScenarios.Load(scenarioName, EngineKind.Agents), "agents", N);

        AssertSameDistribution(Sizes(exact), Sizes(agents), $"{scenarioName}: final sizes");
        if (scenarioName == "pure-growth") return;
        Assert.True(exact.Count(e => e.Outcome == RunOutcome.Progressed) > N / 10, "the scenario must regrow often enough to test the timing");
        AssertSameDistribution(RegrowthDays(exact), RegrowthDays(agents), $"{scenarioName}: regrowth times");
    }

    [Fact]
    public void LuriaDelbruckMutantCountsMatchTheExactEngine()
    {
        // 100 sensitive cells, λ = 1/day, u = 5e-5, grown until one mutation is expected (m = 1): the Lea–Coulson case
        // of LuriaDelbruckTests, whose chi-square on the exact engine anchors this comparison.
        const double u = 5e-5, lambda = 1.0;
        const long n0 = 100;
        double t = Math.Log(1 + (1.0 / u) * (1 - u) / n0) / (lambda * (1 - u));
        var exact = Replicates.Run(ReferenceScenarios.LuriaDelbruck(lambda, u, n0, t, seed: 1943), "exact", N);
        var agents = Replicates.Run(ReferenceScenarios.LuriaDelbruck(lambda, u, n0, t, EngineKind.Agents, seed: 1944), "agents", N);
        AssertSameDistribution([.. exact.Select(e => (double)e.CellsByMechanism[0])], [.. agents.Select(e => (double)e.CellsByMechanism[0])], "mutant counts");
        AssertSameDistribution(Sizes(exact), Sizes(agents), "culture sizes");
    }

    [Fact]
    public void PreExistingResistanceAtDetectionMatchesTheExactEngine()
    {
        // One cell grows at b = 1, d = 0.5 to detection at M = 1,000 cells (half the lineages die out first); u = 5e-4 makes
        // P(no resistant cell at detection) = exp(M·u·ln(s)/(1 − s)) = 1/2 with s = 1 − d/b (Bozic et al. 2013).
        // 2,000 tumours a side leave about 1,000 detected. Compared: resistant cells at detection and the time to detection.
        var exactScenario = ReferenceScenarios.PreExistingResistance(1.0, 0.5, 5e-4, 1_000, EngineKind.Exact, seed: 2013);
        var agentsScenario = ReferenceScenarios.PreExistingResistance(1.0, 0.5, 5e-4, 1_000, EngineKind.Agents, seed: 2014);
        var exact = Detected(Replicates.Run(exactScenario, "exact", 2 * N));
        var agents = Detected(Replicates.Run(agentsScenario, "agents", 2 * N));
        Assert.True(exact.Length > 0.4 * N && agents.Length > 0.4 * N, $"too few tumours reached detection ({exact.Length}, {agents.Length})");
        double withoutResistance = agents.Count(e => e.CellsByMechanism[0] == 0) / (double)agents.Length;
        double tolerance = Tolerance.ForProportion(0.5, agents.Length);
        Assert.InRange(withoutResistance, 0.5 - tolerance, 0.5 + tolerance);
        AssertSameDistribution([.. exact.Select(e => (double)e.CellsByMechanism[0])], [.. agents.Select(e => (double)e.CellsByMechanism[0])], "resistant cells at detection");
        AssertSameDistribution([.. exact.Select(e => e.EndDay)], [.. agents.Select(e => e.EndDay)], "days to detection");
    }

    private static ReplicateEnd[] Detected(ReplicateEnd[] ends) => [.. ends.Where(e => e.FinalCells >= 1_000)];

    private static void AssertSameDistribution(double[] exact, double[] agents, string what)
    {
        var ks = KolmogorovSmirnovTest.TwoSample(exact, agents);
        Assert.True(ks.PValue > Significance, $"{what}: D = {ks.Statistic:F3}, p = {ks.PValue:E2}");
    }

    private static double[] Sizes(ReplicateEnd[] ends) => CrossEngineTests.Sizes(ends);

    private static double[] RegrowthDays(ReplicateEnd[] ends) => CrossEngineTests.RegrowthDays(ends);
}
