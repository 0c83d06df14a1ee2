using ResistanceSim.Engine.Agents;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;
using ResistanceSim.Scenarios.Sweeps;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Agents;

/// <summary>
/// The agent engine in a drug field: thinning by per-clone bounds is exact (a field of 1 everywhere reproduces the
/// uniform engine draw for draw; a static gradient gives the per-site survival the signal model predicts), cells deep
/// in a clump are protected, and the bundled scenario shows it.
/// </summary>
public class DrugFieldEngineTests
{
    [Fact]
    public void AFieldAtTheSourceLevelEverywhereReproducesTheUniformEngineDrawForDraw()
    {
        // Every site a vessel: f ≡ 1, so every bound equals the rate and every proposal is accepted without a draw. The
        // field is solved only at day 0 (update_every_days beyond the run), because a solution between events discards
        // the waiting time drawn across it — exact, by memorylessness, but another draw.
        string uniform = AgentScenarios.Treated("{ dims: 2, size: [80, 80], layout: dish }", 3000, 30, "clustered")
            .Replace("concentration_nM: 300", "concentration_nM: 20", StringComparison.Ordinal);
        string field = uniform.Replace("layout: dish }", "layout: dish, drug_field: { sources: vessels, vessel_density: 1, diffusion_length_sites: 2, update_every_days: 1000 } }", StringComparison.Ordinal);
        var (expectedRun, expectedEngine) = AgentScenarios.RunOnce(AgentScenarios.Load(uniform));
        var (run, engine) = AgentScenarios.RunOnce(AgentScenarios.Load(field));

        Assert.NotNull(engine.DrugField);
        Assert.Equal((1.0, 1.0), (engine.DrugField.Minimum, engine.DrugField.Maximum));
        Assert.True(expectedRun.Clones.Count > 2, "mutants or switched cells must appear, so every channel is exercised");
        Assert.Equal(expectedEngine.Events, engine.Events);
        Assert.Equal(expectedRun.Clones.Cells.ToArray(), run.Clones.Cells.ToArray());
        Assert.Equal(expectedRun.Clones.Genotype.ToArray(), run.Clones.Genotype.ToArray());
        Assert.Equal(expectedEngine.Cells(), engine.Cells());
    }

    [Fact]
    public void InAFieldTheLatticeStaysTheRunsClonesThroughDeathMutationSwitchingAndPassaging()
    {
        // The field's own event loop and bounds through every change the run makes: mutants (new clones and their
        // bounds), phenotype switches, retired clones, and passages (a fresh dish, the field solved again).
        string yaml = AgentScenarios.Treated("{ dims: 2, size: [80, 80], layout: dish, drug_field: { sources: vessels, vessel_density: 0.02, diffusion_length_sites: 3, update_every_days: 0.5 } }", 3000, 30, "clustered")
            .Replace("stop: { days: 20 }", "stop: { days: 20 }\npassaging: { at_confluence_fraction: 0.6, split_ratio: 4 }", StringComparison.Ordinal)
            .Replace("concentration_nM: 300", "concentration_nM: 20", StringComparison.Ordinal);
        var checker = new VerifyingObserver();
        var run = new SimulationRun(AgentScenarios.Load(yaml));
        var engine = new AgentMethod();
        checker.Engine = engine;
        for (int r = 0; r < 2; r++) Simulator.Run(run, engine, new WorkUnit(0, 0, r), checker);

        Assert.True(checker.PassagesSeen > 0, "the scenario must passage");
        Assert.True(checker.MaxClones > 2, "mutants or switched cells must appear");
        Assert.True(engine.DrugField!.Minimum < 0.5, $"the field must vary (minimum {engine.DrugField.Minimum})");
    }

    [Fact]
    public void WithoutDrugTheFieldIsNeverSolvedAndWithDrugItIsSolvedAtEveryInterval()
    {
        // Without drug the field changes no rate, so a 10-day run solves nothing; under drug a solution at layout and
        // one per 0.5-day interval: 1 + 10 / 0.5.
        const string space = "{ dims: 2, size: [30, 30], drug_field: { sources: surface, diffusion_length_sites: 3, update_every_days: 0.5 } }";
        var (_, untreated) = AgentScenarios.RunOnce(AgentScenarios.Load(AgentScenarios.Colony(space, 100, 0.5, 0.1, 10)));
        Assert.Equal(0, untreated.DrugField!.Solutions);

        string treated = AgentScenarios.Colony(space, 100, 0.5, 0.1, 10,
            extra: $"include: [{Path.Combine(Repository.Scenarios, "presets", "alk-nsclc.yaml")}, {Path.Combine(Repository.Scenarios, "presets", "drugs.yaml")}]\nprotocol:\n  - {{ phase: continuous, days: 10, drugs: {{ crizotinib: {{ concentration_nM: 30 }} }} }}");
        var (_, engine) = AgentScenarios.RunOnce(AgentScenarios.Load(treated));
        Assert.Equal(1 + 10 / 0.5, engine.DrugField!.Solutions);
    }

    /// <summary>
    /// A ball of cells that die under crizotinib and (almost) never divide, in a field solved once at day 0 and then
    /// held: each cell survives to day T with probability exp(−δ(f_site)·T), δ from the signal model at the plasma
    /// level times the fraction at its site.
    /// </summary>
    private static string DyingBall(int replicates) => $$"""
        name: field-death
        description: cells dying in a static drug gradient
        seed: 21
        replicates: {{replicates}}
        engine: agents
        space: { dims: 2, size: [30, 30], neighbourhood: von_neumann, layout: ball, drug_field: { sources: surface, diffusion_length_sites: 3, update_every_days: 1000 } }
        include: [{{Path.Combine(Repository.Scenarios, "presets", "alk-nsclc.yaml")}}, {{Path.Combine(Repository.Scenarios, "presets", "drugs.yaml")}}]
        mechanisms: []
        population:
          initial: [{ genotype: parental, cells: 400 }]
          b0_per_day: 1.0e-6
          d0_per_day: 0.1
          drug_death_per_day: 0.9
        protocol:
          - { phase: continuous, days: {{SurvivalDays}}, drugs: { crizotinib: { concentration_nM: 300 } } }
        sampling: { every_days: 1, clone_threshold_cells: 1 }
        stop: { days: {{SurvivalDays}} }
        """;

    private const double SurvivalDays = 2;

    /// <summary>At day 0: each cell's survival probability to <see cref="SurvivalDays"/> in the field and at the plasma
    /// level; at the end: which cells survived, split by whether they started below the median fraction.</summary>
    private sealed class SurvivalObserver : IRunObserver
    {
        private readonly Dictionary<(int, int), bool> _deep = [];
        public AgentMethod? Engine { get; set; }
        public double Expected { get; private set; }
        public double Variance { get; private set; }
        public double ExpectedAtPlasma { get; private set; }
        public long Survivors { get; private set; }
        public long DeepCells { get; private set; }
        public long DeepSurvivors { get; private set; }
        public long RimCells { get; private set; }
        public long RimSurvivors { get; private set; }

        public void RunStarted(SimulationRun run) => _deep.Clear();

        public void Sampled(SimulationRun run)
        {
            if (run.SampleIndex != 0) return;
            var field = Engine!.DrugField!;
            var cells = Engine.Cells().ToArray();
            double median = cells.Select(c => field.FractionAt(c.X, c.Y, c.Z)).Order().ElementAt(cells.Length / 2);
            foreach (var cell in cells)
            {
                double f = field.FractionAt(cell.X, cell.Y, cell.Z);
                double p = Survival(run, cell.CloneIndex, f);
                Expected += p;
                Variance += p * (1 - p);
                ExpectedAtPlasma += Survival(run, cell.CloneIndex, 1);
                bool deep = f < median;
                _deep[(cell.X, cell.Y)] = deep;
                if (deep) DeepCells++;
                else RimCells++;
            }
        }

        private static double Survival(SimulationRun run, int clone, double fraction)
        {
            var levels = run.RateConcentrations.ToArray().Select(c => fraction * c).ToArray();
            return Math.Exp(-run.Signal.Evaluate(run.Clones.Genotype[clone], levels).Death * SurvivalDays);
        }

        public void RunEnded(SimulationRun run)
        {
            foreach (var cell in Engine!.Cells())
            {
                Survivors++;
                // Nothing divides, so nothing moves: a survivor sits where it started.
                if (_deep[(cell.X, cell.Y)]) DeepSurvivors++;
                else RimSurvivors++;
            }
        }
    }

    private static SurvivalObserver SurviveTheGradient(int replicates)
    {
        var scenario = AgentScenarios.Load(DyingBall(replicates));
        var observer = new SurvivalObserver();
        var run = new SimulationRun(scenario);
        var engine = new AgentMethod();
        observer.Engine = engine;
        for (int r = 0; r < replicates; r++) Simulator.Run(run, engine, new WorkUnit(0, 0, r), observer);
        return observer;
    }

    [Fact]
    public void InAStaticGradientEachCellSurvivesWithTheProbabilityItsOwnDrugLevelGives()
    {
        // 30 replicates × 400 independent cells: the survivors' total is a sum of Bernoullis with the variance summed
        // below; 4 standard deviations. Births (b0 = 1e-6 per day, on ~24,000 cell-days) add ≪ 1 cell in expectation.
        var observer = SurviveTheGradient(30);
        double sd = Math.Sqrt(observer.Variance);

        Assert.True(Math.Abs(observer.Survivors - observer.Expected) <= 4 * sd,
            $"{observer.Survivors} survivors, expected {observer.Expected:F1} ± {sd:F1}");
        Assert.True(observer.Expected - observer.ExpectedAtPlasma > 10 * sd,
            $"the gradient must matter: {observer.Expected:F1} survivors expected in the field, {observer.ExpectedAtPlasma:F1} at the plasma level");
    }

    [Fact]
    public void CellsDeepInAClumpSurviveTheDrugMoreOftenThanCellsNearTheSource()
    {
        // Survival fractions of the half of the cells below the median fraction and the half above: two binomial
        // proportions over 10 replicates × 200 cells; their difference must exceed 4 standard errors.
        var observer = SurviveTheGradient(10);
        double deep = (double)observer.DeepSurvivors / observer.DeepCells, rim = (double)observer.RimSurvivors / observer.RimCells;
        double se = Math.Sqrt(deep * (1 - deep) / observer.DeepCells + rim * (1 - rim) / observer.RimCells);

        Assert.True(deep - rim > 4 * se, $"deep cells survived {deep:P1}, cells near the surface {rim:P1} (se {se:P2})");
    }

    [Fact]
    public void TheBundledDrugFieldScenarioLeavesMoreCellsWhereTheDrugPenetratesPoorly()
    {
        // Point 0: diffusion length 4 sites (drug falls by e every four cell layers); point 1: 400 (nearly uniform).
        var sweep = SweepLoader.Load(Path.Combine(Repository.Scenarios, "spatial-drug-field.yaml"));
        var points = Enumerable.Range(0, sweep.PointsPerArm[0]).Select(p => sweep.ScenarioFor(0, p)).ToArray();
        Assert.Equal(2, points.Length);
        Assert.Equal([4.0, 400.0], points.Select(s => s.Space!.DrugField!.DiffusionLengthSites));

        var start = new SimulationRun(points[0]);
        var laidOut = new AgentMethod();
        start.Start(new WorkUnit(0, 0, 0), null, laidOut.Listener);
        laidOut.Begin(start);
        Assert.True(laidOut.DrugField!.Minimum < 0.2, $"the tumour's core must start shielded (minimum fraction {laidOut.DrugField.Minimum})");

        var (poorly, poorEngine) = AgentScenarios.RunOnce(points[0]);
        var (well, _) = AgentScenarios.RunOnce(points[1]);
        poorEngine.Verify();
        Assert.True(poorly.Clones.TotalCells > well.Clones.TotalCells,
            $"{poorly.Clones.TotalCells} cells left with poor penetration, {well.Clones.TotalCells} with good");
    }
}
