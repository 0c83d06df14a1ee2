using ResistanceSim.Model;
using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Yaml;

namespace ResistanceSim.Scenarios.Binding;

/// <summary>Binds <c>population:</c>: initial clones, shared rates, signal response, growth limitation, lineage mode.</summary>
internal static class PopulationBinder
{
    /// <param name="lattice">The agent engine's lattice, or null: where initial clones are placed, and the default capacity
    /// (its sites) that confluence refers to when no growth limit is set.</param>
    /// <param name="equilibriumOverDetection">A logistic limit's <c>equilibrium_over_detection</c>, for the caller to
    /// resolve against the cohort's detection size (the returned limit's capacity is then infinite); null otherwise.</param>
    public static PopulationSpec Bind(MapReader root, MechanismCatalog catalog, Lattice? lattice, out double? equilibriumOverDetection)
    {
        equilibriumOverDetection = null;
        var r = root.Map("population");
        var initial = new List<InitialClone>();
        foreach (var item in r.SeqOfMaps("initial"))
        {
            string genotype = item.String("genotype", defaultValue: GenotypeDescription.ParentalLabel);
            var mechanisms = ParseGenotype(item, genotype, catalog);
            long cells = item.Long("cells", Rules.AtLeast(1));
            var clone = new InitialClone(mechanisms, cells);
            if (item.Has("placement") || item.Has("cluster_at")) clone = InitialPlacementBinder.Bind(item, clone, lattice);
            item.Finish();
            initial.Add(clone);
        }
        if (initial.Count == 0 && !r.IsPlaceholder && r.Has("initial"))
            r.Report("initial", "must list at least one clone");
        if (lattice is not null && initial.Sum(c => c.Cells) is var total && total > lattice.Sites)
            r.Report("initial", string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"places {total:N0} cells on a lattice of {lattice.Sites:N0} sites (space.size {string.Join(" × ", lattice.Size)}); at most one cell fits on a site"));

        double b0 = r.Double("b0_per_day", Rules.Positive);
        double d0 = r.Double("d0_per_day", Rules.NonNegative);
        double drugDeath = r.Double("drug_death_per_day", Rules.NonNegative, defaultValue: 0);
        var signal = SignalResponse.Default;
        if (r.OptionalMap("signal") is { } s)
        {
            signal = new SignalResponse(s.Double("half_maximal", Rules.Positive, defaultValue: signal.HalfMaximalSignal),
                s.Double("hill", Rules.Positive, defaultValue: signal.Hill),
                s.Double("hyperactivation_gain", Rules.InRange(0, 1), defaultValue: signal.HyperactivationGain),
                s.Double("alk_independent", Rules.InRange(0, 1, highInclusive: false), defaultValue: signal.AlkIndependentShare));
            s.Finish();
        }
        // On a lattice the dish is full when every site is: confluence (passaging, escalation) refers to the sites.
        var growth = lattice is null ? GrowthLimit.None : GrowthLimit.None with { CapacityCells = lattice.Sites };
        if (r.OptionalMap("growth_limit") is { } g)
        {
            var kind = g.Enum<GrowthLimitKind>("kind");
            double capacity = double.PositiveInfinity;
            if (kind == GrowthLimitKind.Logistic)
            {
                // A capacity relative to the detection size is resolved once the cohort is bound
                // (CohortBinder.WithEquilibriumOverDetection); until then the capacity is infinite.
                double? relative = g.OptionalDouble("equilibrium_over_detection", Rules.GreaterThan(1));
                double? absolute = g.OptionalDouble("capacity_cells", Rules.Positive);
                if (relative is { } overDetection)
                {
                    if (absolute is not null) g.Report("capacity_cells", "give capacity_cells or equilibrium_over_detection, not both");
                    equilibriumOverDetection = overDetection;
                }
                else if (absolute is { } cells) capacity = cells;
                else g.Report("kind", "logistic needs capacity_cells (or, in a cohort, equilibrium_over_detection)");
            }
            else if (kind != GrowthLimitKind.None)
            {
                capacity = g.Double("capacity_cells", Rules.Positive);
            }
            if (kind == GrowthLimitKind.Gompertz && capacity <= 1) g.Report("capacity_cells", $"must be > 1 for gompertz ({capacity} supplied)");
            g.Finish();
            growth = new GrowthLimit(kind, capacity);
        }
        var lineage = r.Enum<LineageMode>("lineage", LineageMode.PerEvent);
        r.Finish();
        return new PopulationSpec(initial, b0, d0, drugDeath, signal, growth, lineage);
    }

    /// <summary><c>parental</c>, or mechanism names joined by '+', each one the scenario selected.</summary>
    private static IReadOnlyList<string> ParseGenotype(MapReader item, string genotype, MechanismCatalog catalog)
    {
        if (genotype == GenotypeDescription.ParentalLabel) return [];
        var names = genotype.Split('+', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var selected = catalog.All.Select(m => m.Name).ToArray();
        foreach (var name in names)
        {
            if (catalog.IndexOf(name) < 0)
                item.Report("genotype", $"names '{name}', which is not among the scenario's mechanisms{KeySuggester.DidYouMean(name, selected)} (use 'parental' or names joined by '+')");
        }
        int alk = Named<AlkKinaseMutation>().Length;
        if (alk > catalog.MaxAlkMutations)
            item.Report("genotype", $"has {alk} ALK mutations; max_alk_mutations is {catalog.MaxAlkMutations}");
        // The engines never put a cell in two sanctuaries, whose exposure folds would multiply.
        if (Named<Sanctuary>() is { Length: > 1 } sites)
            item.Report("genotype", $"places its cells in {sites.Length} sanctuary sites ({string.Join(", ", sites)}); a cell is in one site at a time");
        return names;

        string[] Named<T>() where T : Mechanism =>
            names.Where(n => catalog.IndexOf(n) is var m && m >= 0 && catalog.All[m] is T).ToArray();
    }
}
