using System.Text.RegularExpressions;
using ResistanceSim.Model;
using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Yaml;

namespace ResistanceSim.Scenarios.Binding;

/// <summary>
/// Freezes a located YAML document into a validated <see cref="Scenario"/>. Every problem is
/// recorded in the bag with its location; the caller freezes only when the bag has no errors.
/// </summary>
public static partial class ScenarioBinder
{
    public static Scenario Bind(YamlMap document, DiagnosticBag bag)
    {
        var root = new MapReader(document, "", bag);
        root.Accept("include");
        string name = root.String("name");
        if (!SafeName().IsMatch(name) && name.Length > 0)
            root.Report("name", $"must be letters, digits, '.', '_' or '-' (it names the output directory) ('{name}' supplied)");
        string description = root.String("description");
        ulong seed = (ulong)root.Long("seed", Rules.NonNegative, defaultValue: 1);
        int replicates = root.Int("replicates", Rules.AtLeast(1), defaultValue: 1);
        var engine = RunSettingsBinder.BindEngine(root);

        var library = DrugBinder.Bind(root);
        var catalog = CatalogBinder.Bind(root, library.Keys);
        var population = PopulationBinder.Bind(root, catalog);
        var usedDrugs = new HashSet<string>(StringComparer.Ordinal);
        var protocol = ProtocolBinder.Bind(root, library, usedDrugs, population.GrowthLimit.CapacityCells);
        var passaging = CultureBinder.BindPassaging(root, population.GrowthLimit.CapacityCells);
        var assays = AssayBinder.Bind(root, library, usedDrugs);
        var sampling = RunSettingsBinder.BindSampling(root);
        var stop = RunSettingsBinder.BindStop(root);
        root.Finish();

        var drugs = library.Where(d => usedDrugs.Contains(d.Key)).ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal);
        return new Scenario(name, description, seed, replicates, engine, population, catalog, drugs, protocol, sampling, stop)
        {
            Passaging = passaging,
            Assays = assays,
        };
    }

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex SafeName();
}
