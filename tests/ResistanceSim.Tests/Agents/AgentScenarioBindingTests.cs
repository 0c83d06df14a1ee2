using ResistanceSim.Cli;
using ResistanceSim.Model;
using ResistanceSim.Scenarios;
using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Agents;

/// <summary><c>space:</c>, placements and the cell-cycle shape as scenarios write them, and the located errors for bad layouts.</summary>
public class AgentScenarioBindingTests
{
    [Fact]
    public void ALatticeIsBoundWithItsDefaultsAndGivesConfluenceItsSites()
    {
        var scenario = AgentScenarios.Load(AgentScenarios.Colony("{ dims: 3, size: 40 }", 10, 1, 0.1, 5));
        var space = Assert.IsType<Lattice>(scenario.Space);
        Assert.Equal([40, 40, 40], space.Size);
        Assert.Equal((Neighbourhood.Moore, LatticeBoundary.Fixed, InitialLayout.Ball, 0), (space.Neighbourhood, space.Boundary, space.Layout, space.PushDepth));
        Assert.Equal(64_000, scenario.Population.GrowthLimit.CapacityCells);
        Assert.Equal(GrowthLimitKind.None, scenario.Population.GrowthLimit.Kind);
        Assert.Equal(1, scenario.Engine.CellCycleShape);
    }

    [Fact]
    public void KindNoneIsTheWellMixedLimit()
    {
        var scenario = AgentScenarios.Load(AgentScenarios.Colony("{ kind: none }", 10, 1, 0.1, 5));
        Assert.Equal(EngineKind.Agents, scenario.Engine.Engine);
        Assert.Null(scenario.Space);
        Assert.True(double.IsPositiveInfinity(scenario.Population.GrowthLimit.CapacityCells));
    }

    // Line numbers are 1-based lines of AgentScenarios.Colony: space on line 5, initial on line 8.
    [Theory]
    [InlineData("{ dims: 2, size: [10, 10] }", 101, "", "population.initial places 101 cells on a lattice of 100 sites (space.size 10 × 10)", 8, 12)]
    [InlineData("{ dims: 2, size: [10, 10] }", 5, ", placement: clustered, cluster_at: [3, 10]", "lies outside the lattice: coordinate 1 is 10, the lattice's sites run 0..9", 8, 79)]
    [InlineData("{ dims: 2, size: [10, 10] }", 5, ", placement: clustered, cluster_at: [3, 4, 5]", "must give 2 coordinates, one per dimension (3 given)", 8, 79)]
    [InlineData("{ dims: 3, size: [10, 10] }", 5, "", "space.size must give one side per dimension (3) or one side for all (2 given)", 5, 25)]
    [InlineData("{ dims: 3, size: [100000, 100000, 1000] }", 5, "", "gives 10,000,000,000,000 sites, more than the 2,147,483,591 one lattice can address (it would need 109 TiB per replicate)", 5, 25)]
    [InlineData("{ dims: 2, size: [10.5, 10] }", 5, "", "must be a whole number >= 1", 5, 26)]
    public void BadLayoutsAreLocatedErrors(string space, long cells, string initialExtra, string message, int line, int column)
    {
        using var temp = new TempDirectory();
        string path = temp.File("agents.yaml", AgentScenarios.Colony(space, cells, 1, 0.1, 5, initialExtra));
        var error = Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Load(path));
        var diagnostic = Assert.Single(error.Diagnostics, d => d.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal((line, column), (diagnostic.Location.Line, diagnostic.Location.Column));
    }

    [Fact]
    public void SpaceOnACloneEngineAndPlacementWithoutALatticeAreErrors()
    {
        using var temp = new TempDirectory();
        string onHybrid = AgentScenarios.Colony("{ dims: 2, size: [10, 10] }", 5, 1, 0.1, 5).Replace("engine: agents", "engine: hybrid", StringComparison.Ordinal);
        var error = Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Load(temp.File("a.yaml", onHybrid)));
        Assert.Contains(error.Diagnostics, d => d.Message.Contains("space applies only to engine: agents (engine is hybrid)", StringComparison.Ordinal));

        string wellMixed = AgentScenarios.Colony("{ kind: none }", 5, 1, 0.1, 5, ", placement: clustered");
        error = Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Load(temp.File("b.yaml", wellMixed)));
        Assert.Contains(error.Diagnostics, d => d.Message.Contains("placement needs engine: agents with a lattice", StringComparison.Ordinal));
    }

    [Fact]
    public void TheCommandLineRefusesMoreCellsThanSitesWithFileLineColumnAndExitCode2()
    {
        using var temp = new TempDirectory();
        string path = temp.File("agents.yaml", AgentScenarios.Colony("{ dims: 2, size: [10, 10] }", 101, 1, 0.1, 5));
        var result = Support.Cli.Run("run", path, "--out", temp.Path, "--no-plots");
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains($"{path}:8:12:", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "agents-test")), "nothing may be written");
    }

    [Fact]
    public void ALatticeTooBigForTheMemoryLimitIsRefusedBeforeTheRunWithTheMemoryItNeeds()
    {
        // 2000³ sites = 8e9 > Array.MaxLength is a binding error; 1500 × 1500 × 900 = 2.0e9 sites fits an array
        // but needs 12 bytes × 2.0e9 ≈ 22.6 GiB per worker, over the default 12 GiB limit.
        using var temp = new TempDirectory();
        string path = temp.File("agents.yaml", AgentScenarios.Colony("{ dims: 3, size: [1500, 1500, 900] }", 10, 1, 0.1, 5));
        var result = Support.Cli.Run("run", path, "--out", temp.Path, "--no-plots", "--threads", "1");
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("of memory", result.Error, StringComparison.Ordinal);
        Assert.Contains("lattice", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "agents-test")), "nothing may be written");
    }

    /// <summary>The trial fixture on the agent engine, on a square lattice of <paramref name="side"/>² sites.</summary>
    internal static string TrialOnALattice(int side)
    {
        // The agent engine's lattice cannot place a lesion at diagnosis (the binder refuses it), so the fixture's is left out.
        string trial = string.Join('\n', File.ReadAllLines(Path.Combine(Repository.Root, "tests", "ResistanceSim.Tests", "Scenarios", "Schema", "Fixtures", "every-trial-key.yaml"))
            .Where(line => !line.TrimStart().StartsWith("sanctuary_at_diagnosis:", StringComparison.Ordinal))) + "\n";
        Assert.Contains("\nseed: 3\n", trial, StringComparison.Ordinal);
        return trial.Replace("\nseed: 3\n", $"\nseed: 3\nengine: agents\nspace: {{ dims: 2, size: {side} }}\n", StringComparison.Ordinal);
    }

    [Fact]
    public void ACohortWhoseDetectionSizeDoesNotFitTheLatticeIsALocatedError()
    {
        using var temp = new TempDirectory();
        string path = temp.File("trial.yaml", TrialOnALattice(300));   // 90,000 sites; detection at 1e5 cells
        var error = Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Load(path));
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Contains("detection_cells (1E+05) must fit the lattice (90,000 sites)", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(path, diagnostic.Location.File);
        Assert.Equal(28, diagnostic.Location.Line);   // the cohort map, at its first line once engine: and space: are added
    }
}
