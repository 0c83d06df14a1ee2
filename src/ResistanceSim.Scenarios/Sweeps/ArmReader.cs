using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Keys;
using ResistanceSim.Scenarios.Yaml;

namespace ResistanceSim.Scenarios.Sweeps;

/// <summary>One arm as written: its name, description and the protocol that replaces the scenario's (null for the single unnamed arm of a file without arms).</summary>
/// <param name="Patients">How many of the cohort's patients this arm treats (the first ones), or null for all.</param>
public sealed record ArmSource(string Name, string Description, YamlNodeBase? Protocol, int? Patients, SourceLocation Location);

/// <summary>
/// Reads <c>arms:</c> — schedules compared on the same virtual patients (docs/trials.md):
/// <code>
/// arms:
///   - { name: crizotinib, protocol: [ { phase: continuous, days: 1095, drugs: { crizotinib: { dose_mg: 250, every_hours: 12 } } } ] }
///   - { name: chemotherapy, protocol: [ … ] }
/// </code>
/// Each arm's protocol replaces the top-level <c>protocol:</c>; everything else is shared. In a cohort, an arm
/// may treat only the first <c>patients</c> of the cohort (PROFILE 1014 randomised 172 and 171). Without
/// <c>arms:</c> the scenario is one unnamed arm.
/// </summary>
public static class ArmReader
{
    public const string Key = "arms";

    public static IReadOnlyList<ArmSource>? Read(YamlMap document, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(document);
        var root = new MapReader(document, "", bag, ScenarioKeys.Document);
        if (!root.Has(Key)) return null;
        var arms = new List<ArmSource>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in root.SeqOfMaps(Key, required: false))
        {
            string name = item.String("name");
            string description = item.String("description", defaultValue: "");
            int? patients = item.OptionalInt("patients", Rules.AtLeast(1));
            if (name.Length > 0 && !names.Add(name)) item.Report("name", $"must be unique among arms ('{name}' appears twice)");
            var protocol = item.RequiredNode("protocol");
            item.Finish();
            if (protocol is not null) arms.Add(new ArmSource(name, description, protocol, patients, item.Location));
        }
        if (arms.Count == 0 && !bag.HasErrors) bag.Error(root.LocationOf(Key), Key, "arms must list at least one arm");
        return arms;
    }
}
