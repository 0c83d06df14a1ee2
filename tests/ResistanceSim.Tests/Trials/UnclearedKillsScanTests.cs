using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;

namespace ResistanceSim.Tests.Trials;

/// <summary>
/// Scans read the cells the drugs killed until the body clears them (<c>cohort.scans.killed_cells_half_life_days</c>):
/// one clone of 1e9 cells at diagnosis under a constant drug (so its course is its expectation to a few parts in 1e5),
/// the uncleared cells at each scan are the closed form's.
/// </summary>
public class UnclearedKillsScanTests
{
    private static string Yaml(double halfLifeDays) => FormattableString.Invariant($$"""
        name: uncleared-kills
        description: one clone under a constant drug, scanned
        seed: 3
        engine: hybrid
        drugs:
          tki:
            targets:
              ALK: { ic50_nM: 24, hill: 1.0 }
            pk: { kind: in_vitro }
        {{TrialScenarios.SmallTumourPopulation}}
        stop: { days: 126 }
        cohort:
          patients: 3
          detection_cells: 1.0e9
          scans: { every_days: 42, lesions: 1, cells_per_cm3: 1.0e9, killed_cells_half_life_days: {{halfLifeDays:R}} }
        arms:
          - name: tki
            protocol: [{ phase: continuous, days: 126, drugs: { tki: { concentration_nM: 60 } } }]

        """);

    [Fact]
    public void EachScanReadsTheKilledCellsNotYetClearedAsTheClosedFormSays()
    {
        const double halfLife = 20, clearance = 0.6931471805599453 / halfLife;
        var scans = Scans(Yaml(halfLife));
        var start = scans[0];
        double killed = start.Death - start.UntreatedDeath, net = start.Birth - start.Death;
        Assert.True(killed > 0.05, $"the drug adds {killed}/day of death: too little to test with");
        Assert.Equal(0, start.Uncleared);
        foreach (var scan in scans.Skip(1))
        {
            // L' = k·V − λL with V = V0·e^(rt), L(0) = 0.
            double expected = killed * start.Cells * (Math.Exp(net * scan.Day) - Math.Exp(-clearance * scan.Day)) / (net + clearance);
            // 1e-3: some 15 times the relative noise of the stochastic course, √((b + d)/(|r|·N₀)) ≈ 7e-5 at N₀ = 1e9.
            Assert.Equal(expected, scan.Uncleared, expected * 1e-3);
        }
        Assert.True(scans[^1].Uncleared > scans[^1].Cells, "a shrinking tumour's uncleared dead should outweigh its living cells by day 126");
    }

    [Fact]
    public void WithoutAHalfLifeScansReadTheLivingCellsOnly()
    {
        Assert.All(Scans(Yaml(0)), scan => Assert.Equal(0, scan.Uncleared));
    }

    [Fact]
    public void ANegativeHalfLifeIsRejectedWhereItIsWritten()
    {
        string yaml = Yaml(-5);
        var error = Assert.Single(TrialScenarios.Errors(yaml));
        Assert.Equal("cohort.scans.killed_cells_half_life_days must be >= 0 and finite (-5 supplied)", error.Message);
        Assert.Equal(TrialScenarios.LineOf(yaml, "killed_cells_half_life_days"), error.Location.Line);
    }

    private readonly record struct Scan(double Day, double Cells, double Uncleared, double Birth, double Death, double UntreatedDeath);

    /// <summary>The first patient's scans: its living cells, the uncleared killed ones, and its one clone's rates.</summary>
    private static List<Scan> Scans(string yaml)
    {
        var loaded = TrialScenarios.Load(yaml);
        var run = new SimulationRun(loaded.ScenarioFor(0, 0));
        var observer = new ScanRecorder();
        Simulator.Run(run, Algorithms.All.First(a => a.Kind == EngineKind.Hybrid).Create(), new WorkUnit(0, 0, 0), observer);
        return observer.Scans;
    }

    private sealed class ScanRecorder : IRunObserver
    {
        public List<Scan> Scans { get; } = [];

        public void RunStarted(SimulationRun run) { }

        public void Sampled(SimulationRun run)
        {
            Assert.Equal(1, run.Clones.Count);   // no mechanisms: the parental clone, which must not die out before day 126
            Scans.Add(new Scan(run.Day, run.Clones.TotalCells, run.UnclearedKilledCells, run.Clones.Birth[0], run.Clones.Death[0],
                run.Signal.UntreatedDeathPerDay));
        }

        public void RunEnded(SimulationRun run) { }
    }
}
