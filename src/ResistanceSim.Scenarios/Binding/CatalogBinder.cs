using ResistanceSim.Model;
using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Keys;
using ResistanceSim.Scenarios.Yaml;

namespace ResistanceSim.Scenarios.Binding;

/// <summary>
/// Binds <c>catalog:</c> (mechanism definitions, usually from presets/alk-nsclc.yaml) and the
/// scenario's <c>mechanisms:</c> selection into a <see cref="MechanismCatalog"/>. Fold changes may
/// only name drugs the scenario's drug library defines.
/// </summary>
internal static class CatalogBinder
{
    public static readonly string[] Kinds = ["alk_mutation", "alk_amplification", "bypass", "fitness", "chemoresistance", "sanctuary", "phenotype"];

    /// <param name="cytotoxicDrugs">Drugs with a cytotoxic kill: the ones a <c>kill_fold_change</c> may name.</param>
    /// <param name="engine">The engine: only those that found clones seed by seed can follow sanctuary lesions.</param>
    public static MechanismCatalog Bind(MapReader root, IReadOnlyCollection<string> knownDrugs, IReadOnlyCollection<string> cytotoxicDrugs, EngineKind engine)
    {
        var definitions = new Dictionary<string, (Mechanism Mechanism, NamedMap Source)>(StringComparer.Ordinal);
        foreach (var entry in root.MapOfMaps("catalog"))
        {
            var mechanism = BindMechanism(entry, knownDrugs, cytotoxicDrugs);
            if (mechanism is not null) definitions[entry.Name] = (mechanism, entry);
        }

        var selected = new List<Mechanism>();
        var selectionNode = root.Node("mechanisms");
        var names = root.Strings("mechanisms");
        for (int i = 0; i < names.Count; i++)
        {
            var location = selectionNode is YamlSeq seq && i < seq.Count ? seq[i].Location : root.LocationOf("mechanisms");
            if (!definitions.TryGetValue(names[i], out var definition))
            {
                root.Bag.Error(location, root.PathOf("mechanisms"),
                    $"{root.PathOf("mechanisms")} names unknown mechanism '{names[i]}'{KeySuggester.DidYouMean(names[i], definitions.Keys)}");
                continue;
            }
            if (selected.Contains(definition.Mechanism))
            {
                root.Bag.Error(location, root.PathOf("mechanisms"), $"{root.PathOf("mechanisms")} lists '{names[i]}' twice");
                continue;
            }
            selected.Add(definition.Mechanism);
            if (definition.Mechanism is Sanctuary { Lesions: > 0 })
                CheckFollowedLesions(definition.Source.Reader, selected, engine);
        }

        int maxAlk = root.Int("max_alk_mutations", Rules.InRange(0, 4), defaultValue: 2);
        if (selected.OfType<AlkAmplification>().Count() > 1)
            root.Report("mechanisms", "may select at most one alk_amplification mechanism");
        var catalog = new MechanismCatalog(selected, maxAlk);
        if (!catalog.Layout.Fits)
            root.Report("mechanisms", $"needs {catalog.Layout.BitsUsed} genotype bits; at most {GenotypeLayout.MaxBits} fit (fewer mechanisms or a lower max_alk_mutations)");
        if (catalog.Phenotypes.Count > 8)
            root.Report("mechanisms", $"may select at most 8 phenotype mechanisms ({catalog.Phenotypes.Count} supplied)");
        return catalog;
    }

    /// <summary>
    /// Lesions are founded seed by seed, so the mean field (no single seeds) and the lattice (one clone per site's
    /// genotype) cannot follow them; and the genotype has room for one sanctuary's lesions.
    /// </summary>
    private static void CheckFollowedLesions(MapReader sanctuary, IReadOnlyList<Mechanism> selected, EngineKind engine)
    {
        if (engine is not (EngineKind.Exact or EngineKind.Tau or EngineKind.Hybrid))
            sanctuary.Report("lesions", $"following sanctuary lesions one by one needs an engine that founds every seed as a clone (exact, tau or hybrid; '{engine.ToString().ToLowerInvariant()}' supplied)");
        if (selected.OfType<Sanctuary>().Count(s => s.Lesions > 0) > 1)
            sanctuary.Report("lesions", "only one selected sanctuary may follow its lesions one by one");
    }

    private static Mechanism? BindMechanism(NamedMap entry, IReadOnlyCollection<string> knownDrugs, IReadOnlyCollection<string> cytotoxicDrugs)
    {
        var r = entry.Reader;
        string kind = r.Enum("kind", Kinds);
        double cost = r.Double("fitness_cost", Rules.LessThan(1), defaultValue: 0);
        Mechanism? mechanism = kind switch
        {
            "alk_mutation" => new AlkKinaseMutation(entry.Name, cost, Probability(r), FoldChanges(r, knownDrugs)),
            "alk_amplification" => BindAmplification(entry.Name, cost, r),
            "bypass" => new PathwayActivation(entry.Name, cost, Probability(r), BindPathway(r, "pathway", signallingOnly: true),
                r.Double("activity", Rules.Positive), r.Double("alk_dependence", Rules.Probability, defaultValue: 0)),
            "fitness" => new FitnessMutation(entry.Name, cost, Probability(r)),
            "chemoresistance" => new ChemoResistance(entry.Name, cost, Probability(r)),
            "sanctuary" => new Sanctuary(entry.Name, cost, Probability(r)) { Lesions = r.OptionalInt("lesions", Rules.InRange(1, ScenarioKeys.MaxSanctuaryLesions)) ?? 0 },
            "phenotype" => BindPhenotype(entry.Name, cost, r),
            _ => null,
        };
        if (mechanism is HeritableMechanism heritable) mechanism = heritable with { RatePerDay = RatePerDay(r) };
        var killFolds = KillFoldChanges(r, knownDrugs, cytotoxicDrugs);
        if (mechanism is not null && killFolds.Count > 0) mechanism = mechanism with { KillFoldChangeByDrug = killFolds };
        if (kind == "chemoresistance" && killFolds.Count == 0 && !r.IsPlaceholder)
            r.Report("kill_fold_change", "a chemoresistance mechanism needs kill_fold_change naming at least one cytotoxic drug");
        var exposureFolds = ExposureFoldChanges(r, knownDrugs);
        if (mechanism is not null && exposureFolds.Count > 0) mechanism = mechanism with { ExposureFoldChangeByDrug = exposureFolds };
        if (kind == "sanctuary" && exposureFolds.Count == 0 && !r.IsPlaceholder)
            r.Report("exposure_fold_change", "a sanctuary needs exposure_fold_change naming at least one drug (the share of its free plasma concentration that reaches the site)");
        if (mechanism is Sanctuary site) mechanism = site with { LesionExposureFoldChangeByDrug = LesionExposureFoldChanges(r, site, knownDrugs) };
        r.Finish();
        return mechanism;
    }

    /// <summary>
    /// probability_per_division, required unless rate_per_day is given (a mechanism acquired only per unit
    /// time, OncoSimulR's mutationPropGrowth = FALSE); then it defaults to 0.
    /// </summary>
    private static double Probability(MapReader r)
    {
        if (!r.Has("probability_per_division") && !r.Has("rate_per_day"))
            r.Bag.Error(r.Location, r.PathOf("probability_per_division"),
                $"{ScenarioPathText.Describe(r.Path)}: needs probability_per_division (acquisition at division) or rate_per_day (per cell per day)");
        return r.Double("probability_per_division", Rules.Probability, defaultValue: 0);
    }

    private static double RatePerDay(MapReader r) => r.Double("rate_per_day", Rules.NonNegativeFinite, defaultValue: 0);

    private static AlkAmplification BindAmplification(string name, double cost, MapReader r)
    {
        double probability = Probability(r);
        int perEvent = r.Int("copies_per_event", Rules.AtLeast(1), defaultValue: 1);
        int max = r.Int("max_copies", Rules.InRange(2, 64));
        return new AlkAmplification(name, cost, probability, perEvent, max);
    }

    private static PhenotypeState BindPhenotype(string name, double cost, MapReader r)
    {
        string family = r.Enum("family", [MechanismFamilies.Emt, MechanismFamilies.Autophagy]);
        double on = r.Double("on_per_day", Rules.NonNegative);
        double onStress = r.Double("on_per_day_at_full_stress", Rules.NonNegative, defaultValue: 0);
        double off = r.Double("off_per_day", Rules.NonNegative);
        double offRelief = r.Double("off_per_day_without_stress", Rules.NonNegative, defaultValue: 0);
        var activities = new List<PathwayActivity>();
        if (r.OptionalMap("activities") is { } activityMap)
        {
            foreach (var entry in activityMap.Source.Entries)
            {
                if (!Pathways.TryParse(entry.Name, out var pathway) || !Pathways.IsSignalling(pathway))
                {
                    r.Bag.Error(entry.Key.Location, activityMap.PathOf(entry.Name),
                        $"{activityMap.PathOf(entry.Name)}: unknown signalling pathway '{entry.Name}'{KeySuggester.DidYouMean(entry.Name, Pathways.YamlNames)}");
                    activityMap.Accept(entry.Name);
                    continue;
                }
                activities.Add(new PathwayActivity(pathway, activityMap.Double(entry.Name, Rules.Positive)));
            }
            activityMap.Finish();
        }
        double protection = r.Double("death_protection", Rules.Probability, defaultValue: 0);
        return new PhenotypeState(name, family, cost, on, onStress, off, offRelief, activities, protection);
    }

    /// <summary><c>ic50_fold_change: { drug: fold }</c>: multipliers of the ALK IC50 of the named drugs.</summary>
    private static Dictionary<string, double> FoldChanges(MapReader r, IReadOnlyCollection<string> knownDrugs) =>
        DrugFolds(r, "ic50_fold_change", Rules.Positive, "fold change", knownDrugs, knownDrugs);

    /// <summary><c>kill_fold_change: { drug: fold }</c>: factors on the cytotoxic kill of drugs that have one.</summary>
    private static Dictionary<string, double> KillFoldChanges(MapReader r, IReadOnlyCollection<string> knownDrugs, IReadOnlyCollection<string> cytotoxicDrugs) =>
        DrugFolds(r, "kill_fold_change", Rules.NonNegativeFinite, "kill fold change", knownDrugs, cytotoxicDrugs,
            drug => cytotoxicDrugs.Contains(drug) ? null : $"drug '{drug}' has no cytotoxic kill to scale (only drugs with `cytotoxic:` can be named)");

    /// <summary><c>lesion_exposure_fold_change</c>: only for a sanctuary that follows its lesions.</summary>
    private static Dictionary<string, double> LesionExposureFoldChanges(MapReader r, Sanctuary site, IReadOnlyCollection<string> knownDrugs)
    {
        var folds = DrugFolds(r, "lesion_exposure_fold_change", Rules.NonNegativeFinite, "lesion exposure fold change", knownDrugs, knownDrugs);
        if (folds.Count > 0 && site.Lesions == 0)
            r.Report("lesion_exposure_fold_change", "applies to lesions followed one by one: set lesions too");
        return folds;
    }

    /// <summary><c>exposure_fold_change: { drug: fold }</c>: factors on the free concentration of drugs the cells see.</summary>
    private static Dictionary<string, double> ExposureFoldChanges(MapReader r, IReadOnlyCollection<string> knownDrugs) =>
        DrugFolds(r, "exposure_fold_change", Rules.NonNegativeFinite, "exposure fold change", knownDrugs, knownDrugs);

    /// <summary>
    /// A <c>key: { drug: fold }</c> map: each fold checked by <paramref name="rule"/>, each drug known to the library
    /// (a misspelling suggests one of <paramref name="suggestions"/>) and, if given, not refused by <paramref name="refusal"/>.
    /// </summary>
    private static Dictionary<string, double> DrugFolds(MapReader r, string key, Rule rule, string what,
        IReadOnlyCollection<string> knownDrugs, IReadOnlyCollection<string> suggestions, Func<string, string?>? refusal = null)
    {
        var folds = new Dictionary<string, double>(StringComparer.Ordinal);
        if (r.OptionalMap(key) is not { } map) return folds;
        foreach (var entry in map.Source.Entries)
        {
            double fold = map.Double(entry.Name, rule);
            string path = map.PathOf(entry.Name);
            if (!knownDrugs.Contains(entry.Name))
                r.Bag.Error(entry.Key.Location, path, $"{path}: {what} for unknown drug '{entry.Name}'{KeySuggester.DidYouMean(entry.Name, suggestions)}");
            else if (refusal?.Invoke(entry.Name) is { } reason)
                r.Bag.Error(entry.Key.Location, path, $"{path}: {reason}");
            folds[entry.Name] = fold;
        }
        map.Finish();
        return folds;
    }

    internal static Pathway BindPathway(MapReader r, string key, bool signallingOnly)
    {
        string name = r.Enum(key, signallingOnly ? Pathways.YamlNames.Where(n => n != "AUTOPHAGY").ToArray() : Pathways.YamlNames);
        return Pathways.TryParse(name, out var pathway) ? pathway : Pathway.Alk;
    }
}
