using ResistanceSim.Model;
using ResistanceSim.Scenarios;

namespace ResistanceSim.Verification.Support;

/// <summary>Loads the YAML scenarios in tests/ResistanceSim.Verification/Scenarios from the source tree.</summary>
public static class VerificationScenarios
{
    public static string Directory { get; } = Path.Combine(RepositoryRoot(), "tests", "ResistanceSim.Verification", "Scenarios");

    public static Scenario Load(string name, EngineKind engine)
    {
        var scenario = ScenarioLoader.Load(Path.Combine(Directory, name + ".yaml")).Scenario;
        return scenario with { Engine = scenario.Engine with { Engine = engine } };
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ResistanceSim.sln"))) return dir.FullName;
        throw new InvalidOperationException("ResistanceSim.sln not found above " + AppContext.BaseDirectory);
    }
}
