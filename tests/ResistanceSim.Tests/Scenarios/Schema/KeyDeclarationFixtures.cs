using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Scenarios.Schema;

/// <summary>
/// Valid scenarios that between them contain every map the validator reads (every mechanism kind, phase kind, dose
/// kind, assay kind, growth limit, sweep kind and patient distribution): Fixtures/every-culture-key.yaml,
/// Fixtures/every-trial-key.yaml and variants of the first with another growth limit or sweep, or on the agent engine.
/// </summary>
public static class KeyDeclarationFixtures
{
    public static string Folder => Path.Combine(Repository.Root, "tests", "ResistanceSim.Tests", "Scenarios", "Schema", "Fixtures");

    public static string CultureText => File.ReadAllText(Path.Combine(Folder, "every-culture-key.yaml"));

    public static string TrialText => File.ReadAllText(Path.Combine(Folder, "every-trial-key.yaml"));

    /// <summary>The agent engine's lattice with every key written.</summary>
    private const string LatticeSpace =
        "space: { kind: lattice, dims: 2, size: [200, 200], neighbourhood: von_neumann, boundary: periodic, layout: dish, push_depth: 3, snapshot_every_days: 5, max_snapshot_cells: 1000, " +
        "drug_field: { sources: vessels, vessel_density: 0.01, diffusion_length_sites: 5, update_every_days: 0.5, faces: [] } }";

    /// <summary>(name, YAML text) of every fixture document.</summary>
    public static IReadOnlyList<(string Name, string Text)> All()
    {
        string culture = CultureText;
        string withoutSweep = culture[..culture.IndexOf("\nsweep:", StringComparison.Ordinal)] + "\n";
        return
        [
            ("every-culture-key.yaml", culture),
            ("every-trial-key.yaml", TrialText),
            ("gompertz.yaml", culture.Replace("kind: logistic", "kind: gompertz", StringComparison.Ordinal)),
            ("mcfarland.yaml", culture.Replace("kind: logistic", "kind: mcfarland", StringComparison.Ordinal)),
            ("grid.yaml", withoutSweep + "sweep:\n  grid:\n    population.b0_per_day: [0.5, 0.6]\n"),
            ("list.yaml", withoutSweep + "sweep:\n  list:\n    - { population.b0_per_day: 0.5 }\n    - { population.b0_per_day: 0.6 }\n"),
            ("agents.yaml", withoutSweep.Replace("engine: hybrid", "engine: agents\n" + LatticeSpace, StringComparison.Ordinal)
                .Replace("{ genotype: EGFR_activation, cells: 10 }", "{ genotype: EGFR_activation, cells: 10, placement: clustered, cluster_at: [20, 30] }", StringComparison.Ordinal)),
            ("agents-well-mixed.yaml", withoutSweep.Replace("engine: hybrid", "engine: agents\nspace: { kind: none }", StringComparison.Ordinal)),
        ];
    }
}
