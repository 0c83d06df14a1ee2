using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Engine.Running;
using ResistanceSim.Engine.State;
using ResistanceSim.Model;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Engine;

/// <summary>CloneState.Verify() after every small step of every engine, with mutation, switching and retirement in play.</summary>
public class CloneStateInvariantTests
{
    private static Scenario Busy(EngineKind engine)
    {
        var emt = new PhenotypeState("EMT", MechanismFamilies.Emt, 0.2, 0.01, 0.05, 0.01, 0.05, [new PathwayActivity(Pathway.Mes, 0.6)], 0);
        var autophagy = new PhenotypeState("autophagy", MechanismFamilies.Autophagy, 0.1, 0.01, 0.05, 0.02, 0.05, [], 0.7);
        var l1196m = new AlkKinaseMutation("ALK_L1196M", 0.05, 1e-3, new Dictionary<string, double> { ["crizotinib"] = 25 });
        var g1202r = new AlkKinaseMutation("ALK_G1202R", 0.05, 1e-3, new Dictionary<string, double> { ["crizotinib"] = 40 });
        var amp = new AlkAmplification("ALK_amplification", 0.02, 1e-3, 1, 5);
        var catalog = new MechanismCatalog([l1196m, g1202r, amp, TestScenarios.EgfrBypass with { ProbabilityPerDivision = 1e-3 }, emt, autophagy], 2);
        var baseline = TestScenarios.BypassUnderTreatment(false, engine);
        return baseline with
        {
            Catalog = catalog,
            Population = baseline.Population with { Initial = [new InitialClone([], 2_000)] },
            Protocol = new Protocol([new ContinuousPhase(5, [new FixedConcentration("crizotinib", 300)]), new ContinuousPhase(5, [])]),
            Stop = baseline.Stop with { Days = 15 },
        };
    }

    [Theory]
    [MemberData(nameof(EngineRunner.AllAlgorithms), MemberType = typeof(EngineRunner))]
    [InlineData("exact-per-genotype")]
    public void InvariantsHoldAfterEveryStep(string algorithm)
    {
        bool perGenotype = algorithm.EndsWith("per-genotype", StringComparison.Ordinal);
        var info = EngineRunner.Named(perGenotype ? "exact" : algorithm);
        var scenario = Busy(info.Kind);
        if (perGenotype) scenario = scenario with { Population = scenario.Population with { Lineage = LineageMode.PerGenotype } };
        var run = new SimulationRun(scenario);
        var engine = info.Create();
        int steps = 0;
        run.Start(new WorkUnit(0, 0, 0), null, engine.Listener);
        engine.Begin(run);
        while (!run.Finished)
        {
            engine.Advance(run, Math.Min(run.NextCheckpoint, run.Day + 0.01));
            run.Clones.Verify();
            VerifyRegistry(run);
            if (run.Day >= run.NextCheckpoint) run.ReachCheckpoint();
            steps++;
        }
        Assert.True(steps > 500);
        Assert.True(run.Registry.Count > 10, "mutations and switches should have founded clones");
    }

    private static void VerifyRegistry(SimulationRun run)
    {
        var registry = run.Registry;
        for (int id = 0; id < registry.Count; id++)
        {
            Assert.True(registry.Parent[id] < id, "a parent is registered before its children");
            Assert.True(registry.BornDay[id] <= run.Day);
        }
        var clones = run.Clones;
        for (int i = 0; i < clones.Count; i++)
            Assert.Equal(registry.Genotype[clones.RegistryId[i]], clones.Genotype[i]);
    }

    [Fact]
    public void VerifyCatchesBrokenInvariants()
    {
        var state = new CloneState();
        state.Add(0, 0, 0, 10);
        state.Birth[0] = double.NaN;
        Assert.Throws<InvalidOperationException>(state.Verify);
        state.Birth[0] = 1;
        state.Verify();
        state.Cells[0] = 0;
        Assert.Throws<InvalidOperationException>(state.Verify);
    }
}
