using ResistanceSim.Model;
using ResistanceSim.Scenarios;
using ResistanceSim.Verification.Support;

namespace ResistanceSim.Verification;

/// <summary>The engine keys this suite's scenarios rely on: hybrid is the default, and its threshold and the ODE tolerances bind.</summary>
[Trait("Category", "Verification")]
public class EngineSettingsBindingTests
{
    [Fact]
    public void HybridIsTheDefaultEngineAndItsThresholdDefaultsTo1000()
    {
        string path = Path.Combine(Path.GetTempPath(), $"no-engine-{Environment.ProcessId}.yaml");
        File.WriteAllText(path, """
            name: no-engine
            description: a scenario that does not name its engine
            mechanisms: []
            population:
              initial: [{ genotype: parental, cells: 10 }]
              b0_per_day: 1.0
              d0_per_day: 0.5
            sampling: { every_days: 1, clone_threshold_cells: 1 }
            stop: { days: 1 }
            """);
        try
        {
            var settings = ScenarioLoader.Load(path).Scenario.Engine;
            Assert.Equal(EngineKind.Hybrid, settings.Engine);
            Assert.Equal(1_000, settings.HybridThresholdCells);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void EngineSettingsKeysBind()
    {
        Assert.Equal(300, VerificationScenarios.Load("treatment-preexisting", EngineKind.Hybrid).Engine.HybridThresholdCells);
        var ode = VerificationScenarios.Load("decaying-drug", EngineKind.Ode).Engine;
        Assert.Equal(1e-11, ode.OdeRelativeTolerance);
        Assert.Equal(1e-10, ode.OdeAbsoluteTolerance);
    }
}
