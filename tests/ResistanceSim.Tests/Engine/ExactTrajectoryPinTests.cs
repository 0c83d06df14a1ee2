using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;
using ResistanceSim.Scenarios;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Engine;

/// <summary>
/// Speed work on the exact engine (issue #19) that keeps every random draw in the same order must
/// leave a seeded run's end state exactly as it was. A change that alters the stream of draws fails here; it must then
/// be shown statistically equal instead (the verification suite's KS tests, <c>ExactSelectionTests</c> among them) and the
/// pins re-recorded. Recorded with composition–rejection selection against each group's tracked bound and one uniform
/// for both the clone and its channel (against the group's power of two, 9140b65: 5206374135173899057,
/// 14262841190646092511 and 2926082546973160106; the pins of 7cecc2f, with the Fenwick tree and a uniform per choice,
/// were 16203659022179911446, 18412071792243914674 and 1970603189289593526).
/// </summary>
public class ExactTrajectoryPinTests
{
    public static TheoryData<string, ulong> Pins() => new()
    {
        { "many-clones", 10303763135300763648UL },
        { "bypass-under-treatment", 17436785854769549987UL },
        { "mcfarland-mutations", 16961139982282968698UL },
    };

    [Theory]
    [MemberData(nameof(Pins))]
    public void ASeededRunEndsInTheRecordedState(string name, ulong expected)
    {
        var engine = new DirectMethod();
        var run = new SimulationRun(Scenario(name));
        Simulator.Run(run, engine, new WorkUnit(0, 0, 0), observer: null);
        Assert.True(engine.Events > 10_000, "the run must simulate many events");
        Assert.Equal(expected, Fingerprint(run, engine.Events));
    }

    private static Scenario Scenario(string name) => name switch
    {
        "many-clones" => ReferenceScenarios.ManyClones(30, 1_000, 1, EngineKind.Exact, seed: 5),
        "bypass-under-treatment" => TestScenarios.BypassUnderTreatment(false, EngineKind.Exact, days: 8),
        _ => ScenarioLoader.Load(Path.Combine(Repository.Root, "tests", "ResistanceSim.Verification", "Scenarios", name + ".yaml")).Scenario
            with { Stop = new StopRule(60, 2_000, false, StopRule.DefaultProgressionFold) },
    };

    /// <summary>FNV-1a over the event count, the end day's bits, every clone's genotype and cells, and the generator's next output.</summary>
    private static ulong Fingerprint(SimulationRun run, long events)
    {
        ulong hash = 14695981039346656037UL;
        void Mix(ulong value) => hash = (hash ^ value) * 1099511628211UL;
        Mix((ulong)events);
        Mix((ulong)BitConverter.DoubleToInt64Bits(run.Day));
        var clones = run.Clones;
        for (int i = 0; i < clones.Count; i++)
        {
            Mix(clones.Genotype[i]);
            Mix((ulong)clones.Cells[i]);
        }
        Mix(run.Random.NextUInt64());
        return hash;
    }
}
