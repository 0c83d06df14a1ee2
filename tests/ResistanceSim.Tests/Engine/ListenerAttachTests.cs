using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Engine.Running;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Engine;

/// <summary>
/// A worker's engine moves from run to run. While a new run starts (seeding, or a shared patient history and its local
/// therapy), it reports clones to the engine's listener before the engine has begun on it: an engine still following
/// the previous run must ignore those notices, not apply a new run's clone index to the old run's state.
/// </summary>
public class ListenerAttachTests
{
    [Theory]
    [InlineData("hybrid")]
    [InlineData("exact")]
    public void AnEngineAttachedToANewRunIgnoresItsNoticesUntilItBegins(string engine)
    {
        using var temp = new TempDirectory();
        // A small tumour: the hybrid engine simulates it event by event (its direct part active) to the end.
        string path = temp.File("small.yaml", $$"""
            name: small
            description: a small tumour simulated event by event
            engine: {{engine}}
            mechanisms: []
            population: { initial: [{ genotype: parental, cells: 20 }], b0_per_day: 1.0, d0_per_day: 0.5 }
            sampling: { every_days: 1 }
            stop: { days: 2 }
            """);
        var scenario = ResistanceSim.Scenarios.ScenarioLoader.Load(path).Scenario;
        var method = Algorithms.All.First(a => a.Name == engine).Create();
        var previous = new SimulationRun(scenario);
        Simulator.Run(previous, method, new WorkUnit(0, 0, 0), observer: null);
        Assert.True(previous.Clones.Count >= 1);

        method.Attach(new SimulationRun(scenario));
        var listener = method.Listener!;
        listener.CloneChanged(previous.Clones.Count + 10);   // an index the previous run never had
        listener.AllRatesChanged();
    }
}
