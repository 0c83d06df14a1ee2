using ResistanceSim.Model;
using ResistanceSim.Scenarios.Bundled;
using ResistanceSim.Scenarios.Binding;
using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Yaml;

namespace ResistanceSim.Scenarios;

/// <summary>A validated scenario and the document it came from (resolved YAML and SHA-256 for the run directory).</summary>
public sealed record LoadedScenario(Scenario Scenario, LoadedDocument Document);

/// <summary>
/// Reads a scenario file: YAML with includes → located document → validated model. All problems
/// are collected and thrown together as a <see cref="ScenarioValidationException"/>.
/// </summary>
public static class ScenarioLoader
{
    public static LoadedScenario Load(string path)
    {
        var bag = new DiagnosticBag();
        var document = ScenarioDocumentLoader.Load(path, BundledScenarios.IncludeOptions, bag);
        return Bind(document, bag);
    }

    /// <summary>Binds an already loaded (possibly patched, e.g. by a sweep) document.</summary>
    public static LoadedScenario Bind(LoadedDocument document, DiagnosticBag bag)
    {
        Scenario? scenario = null;
        if (!bag.HasErrors) scenario = ScenarioBinder.Bind(document.Root, bag);
        bag.ThrowIfErrors();
        return new LoadedScenario(scenario!, document);
    }
}
