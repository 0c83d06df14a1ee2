using System.Text.RegularExpressions;
using ResistanceSim.Runs;
using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Yaml;

namespace ResistanceSim.Server;

/// <summary>
/// A scenario typed or edited in the browser, loaded through the same validator as a file. The only files it may name
/// are the bundled presets (<c>include: [presets/…yaml]</c>), and they are looked for in the bundled folder alone: any
/// other include, or a file of that name in the server's working directory, would read the server's disk.
/// </summary>
public static partial class ClientScenario
{
    /// <summary>How the text is named in its diagnostics (<c>scenario.yaml:line:col</c>).</summary>
    public const string Name = "scenario.yaml";

    /// <summary>The scenario, or its diagnostics: includes other than presets first (nothing is read then), else the validator's.</summary>
    public static (RunnableScenario? Scenario, IReadOnlyList<Diagnostic> Diagnostics) Load(string text, IReadOnlyList<KeyValuePair<string, string>> overrides)
    {
        ArgumentNullException.ThrowIfNull(text);
        var includeProblems = IncludeProblems(text);
        if (includeProblems.Count > 0) return (null, includeProblems);
        var loaded = RunnableScenario.ParseWithBundledIncludes(text, Name, overrides);
        return (loaded.Scenario, loaded.Diagnostics);
    }

    /// <summary>Includes that are not a bundled preset's name, located at their line.</summary>
    public static IReadOnlyList<Diagnostic> IncludeProblems(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Syntax errors are left to the validator, which reports them located.
        if (YamlDocumentParser.Parse(text, Name, new DiagnosticBag()) is not YamlMap root || root[ScenarioDocumentLoader.IncludeKey] is not { } include) return [];
        IEnumerable<YamlNodeBase> items = include is YamlSeq seq ? seq.Items : [include];
        return [.. items
            .Where(item => item is not YamlScalar scalar || !PresetName().IsMatch(scalar.Text))
            .Select(item => new Diagnostic(item.Location, "include",
                $"include: a scenario from the browser may include only the bundled presets, as presets/<name>.yaml ('{(item as YamlScalar)?.Text ?? item.KindDescription}' supplied)",
                DiagnosticSeverity.Error))];
    }

    [GeneratedRegex("^presets/[A-Za-z0-9_-]+\\.yaml$")]
    private static partial Regex PresetName();
}
