using ResistanceSim.Model;
using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Keys;
using ResistanceSim.Scenarios.Yaml;

namespace ResistanceSim.Scenarios.Binding;

/// <summary>
/// Freezes a located YAML document into a validated <see cref="Scenario"/>. Every problem is
/// recorded in the bag with its location; the caller freezes only when the bag has no errors.
/// </summary>
public static partial class ScenarioBinder
{
    /// <param name="alsoKeepDrugs">Drugs to keep although this document's protocol does not use them: the drugs of
    /// every arm, so all arms have the same drug columns.</param>
    public static Scenario Bind(YamlMap document, DiagnosticBag bag, IReadOnlyCollection<string>? alsoKeepDrugs = null)
    {
        var root = new MapReader(document, "", bag, ScenarioKeys.Document);
        root.Accept("include");
        string name = root.String("name");
        if (name.Length > 0 && RunDirectoryName.Problem(name) is { } nameProblem)
            root.Report("name", $"must be {nameProblem} ('{name}' supplied)");
        string description = root.String("description");
        ulong seed = (ulong)root.Long("seed", Rules.NonNegative, defaultValue: 1);
        int replicates = root.Int("replicates", Rules.AtLeast(1), defaultValue: 1);
        var engine = RunSettingsBinder.BindEngine(root);

        var library = DrugBinder.Bind(root);
        var catalog = CatalogBinder.Bind(root, library.Keys, DrugBinder.Cytotoxic(library), engine.Engine);
        var space = SpaceBinder.Bind(root, engine.Engine);
        var population = PopulationBinder.Bind(root, catalog, space, out double? equilibriumOverDetection);
        var usedDrugs = new HashSet<string>(StringComparer.Ordinal);
        var protocol = ProtocolBinder.Bind(root, library, usedDrugs, population.GrowthLimit.CapacityCells);
        var passaging = CultureBinder.BindPassaging(root, population.GrowthLimit.CapacityCells);
        var assays = AssayBinder.Bind(root, library, usedDrugs);
        var cohort = CohortBinder.Bind(root, library, usedDrugs, population.GrowthLimit.CapacityCells, catalog);
        if (equilibriumOverDetection is { } overDetection)
            population = CohortBinder.WithEquilibriumOverDetection(root, cohort, population, overDetection);
        var sampling = cohort is null ? RunSettingsBinder.BindSampling(root) : CohortBinder.BindSampling(root, cohort);
        var stop = RunSettingsBinder.BindStop(root);
        if (cohort is not null)
        {
            CohortBinder.CheckGrowthToDetection(root, cohort, population, engine.Engine, space);
            stop = stop with { OnProgression = true };   // progression on the last line is the PFS event; later treatment is not modelled
        }
        root.Finish();

        if (alsoKeepDrugs is not null) usedDrugs.UnionWith(alsoKeepDrugs.Where(library.ContainsKey));
        var drugs = library.Where(d => usedDrugs.Contains(d.Key)).ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal);
        return new Scenario(name, description, seed, replicates, engine, population, catalog, drugs, protocol, sampling, stop)
        {
            Passaging = passaging,
            Assays = assays,
            Cohort = cohort,
            Space = space,
        };
    }
}
