using ResistanceSim.Scenarios.Diagnostics;

namespace ResistanceSim.Runs;

/// <summary>A scenario loaded and validated, or the validator's diagnostics when it is not valid.</summary>
public sealed class ScenarioLoadResult
{
    internal ScenarioLoadResult(RunnableScenario? scenario, IReadOnlyList<Diagnostic> diagnostics)
    {
        Scenario = scenario;
        Diagnostics = diagnostics;
    }

    /// <summary>The scenario, ready to run; null when there are errors.</summary>
    public RunnableScenario? Scenario { get; }

    /// <summary>Every problem found (file:line:col, the path, the rule broken and the value supplied), in reporting order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>True when the scenario loaded without errors.</summary>
    public bool Succeeded => Scenario is not null;
}
