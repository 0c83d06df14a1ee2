using ResistanceSim.Engine.Exposure;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Biology;

/// <summary>
/// Every protocol kind, oral PK and passaging run on every engine: the concentrations the run used at
/// each sample are the schedule's, feedback phases react, passages split the culture, and the clone
/// state stays consistent.
/// </summary>
public class ProtocolOnEveryEngineTests
{
    private static readonly Drug Oral = new("oral", [new DrugTarget(Pathway.Alk, 24, 1)], 0.09, true, null,
        new OralOneCompartmentPk(0.43, 1.0, 60, 3636, 450.34));   // the crizotinib preset's fit (docs/biology.md)
    private static readonly Drug Medium = new("medium", [new DrugTarget(Pathway.Alk, 24, 1)], 1, true, null, new InVitroPk(3));

    private static Scenario Build(EngineKind engine)
    {
        var population = new PopulationSpec([new InitialClone([], 5_000)], 0.6, 0.1, 0.9, SignalResponse.Default,
            new GrowthLimit(GrowthLimitKind.Logistic, 20_000), LineageMode.PerEvent);
        var protocol = new Protocol(
        [
            new ContinuousPhase(6, [new OralRegimen("oral", 250, 12, 500, 1, [4])]),
            new IntermittentPhase(6, [new FixedConcentration("medium", 20)], 2, 1) { MediaChangeEveryDays = 1 },
            new AdaptivePhase(10, [new FixedConcentration("medium", 300)], 0.5, 1.0),
            new EscalationPhase(10, "medium", 5, 2, 40, 0.5),
        ]);
        var drugs = new Dictionary<string, Drug> { ["oral"] = Oral, ["medium"] = Medium };
        return new Scenario("protocols", "every protocol kind", 21, 1, EngineSettings.Default(engine), population,
            MechanismCatalog.Empty, drugs, protocol, new Sampling(0.25, 100),
            new StopRule(32, double.PositiveInfinity, false, StopRule.DefaultProgressionFold))
        { Passaging = new Passaging(0.5, 4) };
    }

    private sealed class Recorder : IRunObserver
    {
        public List<(double Day, double[] Concentrations, long Cells)> Samples { get; } = [];

        public void RunStarted(SimulationRun run) { }

        public void Sampled(SimulationRun run)
        {
            run.Clones.Verify();
            Samples.Add((run.Day, run.Concentrations.ToArray(), run.Clones.TotalCells));
        }

        public void RunEnded(SimulationRun run) { }
    }

    [Theory]
    [MemberData(nameof(EngineRunner.AllAlgorithms), MemberType = typeof(EngineRunner))]
    public void EveryProtocolKindRunsWithTheSchedulesConcentrations(string algorithm)
    {
        var info = EngineRunner.Named(algorithm);
        var scenario = Build(info.Kind);
        var run = new SimulationRun(scenario);
        var recorder = new Recorder();
        Simulator.Run(run, info.Create(), new WorkUnit(0, 0, 0), recorder);

        // Oral phase: no feedback, so a fresh schedule gives the same concentrations (drug order: medium, oral).
        var fresh = new ProtocolSchedule(scenario.Protocol, scenario.DrugList, 20_000);
        var expected = new double[2];
        foreach (var sample in recorder.Samples.Where(s => s.Day < 6))
        {
            fresh.TotalConcentrations(sample.Day, expected);
            Assert.Equal(expected[1], sample.Concentrations[1], 1e-9 * Math.Max(1, expected[1]));
        }
        Assert.Contains(recorder.Samples, s => s.Day is > 3 and < 6 && s.Concentrations[1] > 500);   // accumulating oral drug

        // Intermittent phase (days 6–12, 2 on / 1 off): medium off on day 8–9, decaying between daily media changes.
        var off = recorder.Samples.Single(s => Math.Abs(s.Day - 8.5) < 1e-9);
        Assert.Equal(0, off.Concentrations[0]);
        var on = recorder.Samples.Single(s => Math.Abs(s.Day - 9.5) < 1e-9);
        Assert.Equal(20 * Math.Pow(2, -0.5 / 3), on.Concentrations[0], 1e-9);
        Assert.True(run.Passages > 0, "the culture never reached half confluence");
        Assert.All(recorder.Samples, s => Assert.True(s.Cells <= 20_000));
    }
}
