using ResistanceSim.Analysis.GoodnessOfFit;
using ResistanceSim.Engine.Agents;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;

namespace ResistanceSim.Tests.Agents;

/// <summary>The agent engine's rules on small lattices: contact inhibition, pushing, bookkeeping, layouts, Erlang cycles.</summary>
public class AgentEngineTests
{
    [Fact]
    public void WithoutDeathAColonyFillsItsLatticeAndStops()
    {
        // 36 sites, no death: divisions into empty sites only, so exactly 36 cells remain however long it runs.
        var scenario = AgentScenarios.Load(AgentScenarios.Colony("{ dims: 2, size: [6, 6], neighbourhood: von_neumann }", 1, 1.0, 0.0, 60));
        var (run, engine) = AgentScenarios.RunOnce(scenario);

        Assert.Equal(36, run.Clones.TotalCells);
        Assert.True(engine.BlockedDivisions > 0, "a full lattice must block divisions");
        engine.Verify();
        Assert.Equal(36, engine.Cells().Select(c => (c.X, c.Y)).Distinct().Count());
    }

    [Theory]
    [InlineData("{ dims: 3, size: [7, 5, 3], layout: dish }", 105)]
    [InlineData("{ dims: 2, size: [1, 9], layout: dish }", 9)]
    [InlineData("{ dims: 2, size: [13, 1], layout: dish }", 13)]
    public void EveryCellOfAFullLatticeReportsItsOwnSite(string space, int sites)
    {
        // Coordinates come from a site number by multiply-high division; a wrong quotient would repeat or skip a site.
        var scenario = AgentScenarios.Load(AgentScenarios.Colony(space, sites, 1.0, 0.0, 0.001));
        var (_, engine) = AgentScenarios.RunOnce(scenario);
        var cells = engine.Cells().ToList();

        Assert.Equal(sites, cells.Select(c => (c.X, c.Y, c.Z)).Distinct().Count());
        var lattice = engine.Lattice!;
        Assert.All(cells, c => Assert.True(c.X < lattice.Size[0] && c.Y < lattice.Size[1] && c.Z < (lattice.Dims == 3 ? lattice.Size[2] : 1)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    public void ACoreCloneSurroundedByCellsDividesOnlyByPushing(int pushDepth)
    {
        // A ball of 400 cells (radius ≈ 11) with 9 resistant cells clustered at its centre. Without pushing a core cell
        // has no empty neighbour for 2 days (the rim is ≥ 8 sites away and nothing dies), so the core clone stays at 9.
        // Pushing a chain of ≤ 20 always reaches the rim, so the 9 cells divide at rate 1: P(no division) = e^-18.
        string yaml = $$"""
            name: push-test
            description: core clone inside a ball
            seed: 5
            engine: agents
            space: { dims: 2, size: [60, 60], neighbourhood: von_neumann, push_depth: {{pushDepth}} }
            include: [{{Path.Combine(Support.Repository.Root, "scenarios", "presets", "alk-nsclc.yaml")}}, {{Path.Combine(Support.Repository.Root, "scenarios", "presets", "drugs.yaml")}}]
            mechanisms: [EGFR_activation]
            population:
              initial:
                - { genotype: parental, cells: 391 }
                - { genotype: EGFR_activation, cells: 9, placement: clustered }
              b0_per_day: 1.0
              d0_per_day: 0.0
            sampling: { every_days: 1, clone_threshold_cells: 1 }
            stop: { days: 2 }
            """;
        var scenario = AgentScenarios.Load(yaml);
        var (run, engine) = AgentScenarios.RunOnce(scenario);
        engine.Verify();
        long core = CellsCarrying(run, 0);
        if (pushDepth == 0) Assert.Equal(9, core);
        else Assert.True(core > 9, $"with pushing the core clone must grow ({core} cells)");
    }

    [Fact]
    public void TheLatticeStaysTheRunsClonesThroughDeathMutationSwitchingAndPassaging()
    {
        // Under drug with mutation per division, phenotype switching (autophagy) and passaging every confluence.
        string yaml = AgentScenarios.Treated("{ dims: 2, size: [80, 80], layout: dish }", 3000, 30, "clustered")
            .Replace("stop: { days: 20 }", "stop: { days: 20 }\npassaging: { at_confluence_fraction: 0.6, split_ratio: 4 }", StringComparison.Ordinal)
            .Replace("concentration_nM: 300", "concentration_nM: 20", StringComparison.Ordinal);
        var checker = VerifiedReplicates(AgentScenarios.Load(yaml), 3);
        Assert.True(checker.Samples > 20, "every sample was checked");
        Assert.True(checker.PassagesSeen > 0, "the scenario must passage, so removal by the run is exercised");
        Assert.True(checker.MaxClones > 2, "mutants or switched cells must appear");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void ACloneAloneOnADenseLatticeStaysTheRunsCloneAsOthersAppearAndPassagesThinIt(int stages)
    {
        // One clone on 83% of the sites is drawn by rejection over sites and keeps no list of its cells, nor site records
        // but its cells' stages; switching into autophagy under drug founds other clones (its list and records are
        // rebuilt), and passages at 1:20 leave it on under a sixteenth of the sites (rebuilt again). Every sample checks
        // the lattice against the run, with an Erlang cycle of 4 stages too.
        string yaml = $$"""
            name: lone-clone
            description: one clone filling a dish, then switching and passaging
            seed: 3
            engine: agents
            space: { dims: 2, size: [60, 60], layout: dish }
            include: [{{Path.Combine(Support.Repository.Root, "scenarios", "presets", "alk-nsclc.yaml")}}, {{Path.Combine(Support.Repository.Root, "scenarios", "presets", "drugs.yaml")}}]
            mechanisms: [EGFR_activation, autophagy]
            population:
              initial: [{ genotype: parental, cells: 3000 }]
              b0_per_day: 0.6
              d0_per_day: 0.1
              drug_death_per_day: 0.9
            protocol:
              - { phase: continuous, days: 30, drugs: { crizotinib: { concentration_nM: 20 } } }
            passaging: { at_confluence_fraction: 0.9, split_ratio: 20 }
            sampling: { every_days: 1, clone_threshold_cells: 1 }
            stop: { days: 30 }
            engine_settings: { cell_cycle_shape: {{stages}} }
            """;
        var checker = VerifiedReplicates(AgentScenarios.Load(yaml), 3);
        Assert.True(checker.LoneCloneSamples > 0, "a single clone must hold every cell at some sample");
        Assert.True(checker.MaxClones > 1, "switched cells must found other clones");
        Assert.True(checker.PassagesSeen > 0, "the scenario must passage");
    }

    /// <summary>Runs <paramref name="replicates"/> replicates with the lattice checked against the run at every sample.</summary>
    private static VerifyingObserver VerifiedReplicates(Scenario scenario, int replicates)
    {
        var engine = new AgentMethod();
        var checker = new VerifyingObserver { Engine = engine };
        var run = new SimulationRun(scenario);
        for (int r = 0; r < replicates; r++) Simulator.Run(run, engine, new WorkUnit(0, 0, r), checker);
        return checker;
    }

    [Fact]
    public void AClusteredCloneStartsAsOneClumpAndAScatteredOneSpreadsOverTheDish()
    {
        const int resistant = 200;
        double Spread(string placement)
        {
            var scenario = AgentScenarios.Load(AgentScenarios.Treated("{ dims: 2, size: [100, 100], layout: dish }", 2000, resistant, placement)
                .Replace("stop: { days: 20 }", "stop: { days: 0.001 }", StringComparison.Ordinal));
            var run = new SimulationRun(scenario);
            var engine = new AgentMethod();
            run.Start(new WorkUnit(0, 0, 0), null, engine.Listener);
            engine.Begin(run);
            engine.Verify();
            var cells = engine.Cells().Where(c => run.Scenario.Catalog.Carries(run.Clones.Genotype[c.CloneIndex], 0)).ToArray();
            Assert.Equal(resistant, cells.Length);
            double mx = cells.Average(c => c.X), my = cells.Average(c => c.Y);
            return Math.Sqrt(cells.Average(c => (c.X - mx) * (c.X - mx) + (c.Y - my) * (c.Y - my)));
        }

        // A disc of 200 sites has radius of gyration √(200/π)/√2 ≈ 5.6; uniform over 100 × 100 about 100/√6 ≈ 40.8.
        double clustered = Spread("clustered"), scattered = Spread("scattered");
        Assert.InRange(clustered, 5.0, 6.2);
        Assert.InRange(scattered, 35, 47);
    }

    [Fact]
    public void ABallLayoutIsTheCompactDiscOfTheInitialCells()
    {
        var scenario = AgentScenarios.Load(AgentScenarios.Colony("{ dims: 2, size: [50, 50] }", 314, 1.0, 0.0, 0.001));
        var run = new SimulationRun(scenario);
        var engine = new AgentMethod();
        run.Start(new WorkUnit(0, 0, 0), null, engine.Listener);
        engine.Begin(run);
        // The 314 sites nearest (25, 25): every one within radius √(314/π) + 1 ≈ 11.
        Assert.All(engine.Cells(), c => Assert.True(Math.Sqrt((c.X - 25) * (c.X - 25) + (c.Y - 25) * (c.Y - 25)) <= 11.0, $"({c.X}, {c.Y})"));
        Assert.Equal(314, engine.Cells().Count());
    }

    [Fact]
    public void ABallBreaksTiesAtItsRimBySiteNumber()
    {
        // Six cells around (2, 2): the centre, its four faces (squared distance 1) and one of the four diagonals (2),
        // the one with the lowest site number, (1, 1).
        var scenario = AgentScenarios.Load(AgentScenarios.Colony("{ dims: 2, size: [5, 5] }", 6, 1.0, 0.0, 0.001));
        var run = new SimulationRun(scenario);
        var engine = new AgentMethod();
        run.Start(new WorkUnit(0, 0, 0), null, engine.Listener);
        engine.Begin(run);
        (int, int)[] expected = [(1, 1), (2, 1), (1, 2), (2, 2), (3, 2), (2, 3)];
        Assert.Equal(expected, engine.Cells().Select(c => (c.X, c.Y)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void TheFirstDivisionIsErlangWithMeanOneOverTheBirthRate(int stages)
    {
        // Well mixed, one cell, no death, stop at 2 cells: the stop time is the first cycle, Erlang(k, k·β) with β = 0.8.
        const double birth = 0.8;
        const int runs = 2000;
        var scenario = AgentScenarios.Load(AgentScenarios.Colony("{ kind: none }", 1, birth, 0.0, 1000,
            extra: $"engine_settings: {{ cell_cycle_shape: {stages} }}").Replace("stop: { days: 1000 }", "stop: { days: 1000, max_cells: 2 }", StringComparison.Ordinal));
        Assert.Equal(stages, scenario.Engine.CellCycleShape);
        var run = new SimulationRun(scenario);
        var engine = new AgentMethod();
        var times = new double[runs];
        for (int r = 0; r < runs; r++)
        {
            Simulator.Run(run, engine, new WorkUnit(0, 0, r), null);
            times[r] = run.Day;
        }
        double rate = stages * birth;
        var ks = KolmogorovSmirnovTest.OneSample(times, t => ErlangCdf(stages, rate, t));
        Assert.True(ks.PValue > 1e-4, $"k = {stages}: D = {ks.Statistic:F3}, p = {ks.PValue:E2}");
    }

    private static double ErlangCdf(int shape, double rate, double t)
    {
        if (t <= 0) return 0;
        double x = rate * t, term = 1, sum = 0;
        for (int j = 0; j < shape; j++)
        {
            sum += term;
            term *= x / (j + 1);
        }
        return Math.Max(0, 1 - Math.Exp(-x) * sum);
    }

    private static long CellsCarrying(SimulationRun run, int mechanism)
    {
        long cells = 0;
        for (int i = 0; i < run.Clones.Count; i++)
            if (run.Scenario.Catalog.Carries(run.Clones.Genotype[i], mechanism)) cells += run.Clones.Cells[i];
        return cells;
    }
}
