using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Limits;

namespace ResistanceSim.Runs;

/// <summary>A scenario's <see cref="ResourceEstimate"/> held against <see cref="ResourceLimits"/> before anything is written.</summary>
public static class ResourceLimitCheck
{
    /// <summary>The estimate's problems, located at the start of <paramref name="scenarioPath"/>: throws
    /// <see cref="ScenarioValidationException"/> when a limit is exceeded; returns the warnings (above half a limit) otherwise.</summary>
    public static IReadOnlyList<Diagnostic> Enforce(ResourceLimits limits, ResourceEstimate estimate, string scenarioPath)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var problems = limits.Check(estimate, SourceLocation.StartOf(scenarioPath));
        if (problems.Any(p => p.Severity == DiagnosticSeverity.Error)) throw new ScenarioValidationException(problems);
        return problems;
    }
}
