using ResistanceSim.Model;
using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Yaml;

namespace ResistanceSim.Scenarios.Binding;

/// <summary>
/// Binds the <c>drugs:</c> library (usually from presets/drugs.yaml): targets with IC50 and Hill
/// slope, optional cytotoxic kill, and pharmacokinetics.
/// </summary>
internal static class DrugBinder
{
    /// <summary>Names of the drugs in <paramref name="library"/> that have a cytotoxic kill (what kill fold changes may name).</summary>
    public static IReadOnlyCollection<string> Cytotoxic(IReadOnlyDictionary<string, Drug> library) =>
        library.Values.Where(d => d.Cytotoxic is not null).Select(d => d.Name).ToHashSet(StringComparer.Ordinal);

    public static Dictionary<string, Drug> Bind(MapReader root)
    {
        var drugs = new Dictionary<string, Drug>(StringComparer.Ordinal);
        foreach (var entry in root.MapOfMaps("drugs"))
        {
            var drug = BindDrug(entry);
            drugs[entry.Name] = drug;
        }
        return drugs;
    }

    private static Drug BindDrug(NamedMap entry)
    {
        var r = entry.Reader;
        var targets = new List<DrugTarget>();
        if (r.OptionalMap("targets") is { } targetMap)
        {
            foreach (var target in targetMap.Source.Entries)
            {
                string path = targetMap.PathOf(target.Name);
                if (!Pathways.TryParse(target.Name, out var pathway))
                {
                    r.Bag.Error(target.Key.Location, path, $"{path}: unknown pathway '{target.Name}'{KeySuggester.DidYouMean(target.Name, Pathways.YamlNames)}");
                    targetMap.Accept(target.Name);
                    continue;
                }
                if (pathway == Pathway.Downstream)
                    r.Bag.Error(target.Key.Location, path, $"{path}: no drug can target DOWNSTREAM (KRAS-type signal is beyond every receptor)");
                var t = targetMap.Map(target.Name);
                targets.Add(new DrugTarget(pathway, t.Double("ic50_nM", Rules.Positive), t.Double("hill", Rules.Positive, defaultValue: 1.0)));
                t.Finish();
            }
            targetMap.Finish();
        }
        CytotoxicKill? cytotoxic = null;
        if (r.OptionalMap("cytotoxic") is { } kill)
        {
            cytotoxic = new CytotoxicKill(kill.Double("max_kill_per_day", Rules.Positive), kill.Double("ec50_nM", Rules.Positive),
                kill.Double("hill", Rules.Positive, defaultValue: 1.0));
            kill.Finish();
        }
        if (targets.Count == 0 && cytotoxic is null && !r.IsPlaceholder)
            r.Report("targets", "a drug needs at least one target or a cytotoxic effect");
        bool bindsKinase = r.Bool("binds_alk_kinase_domain", defaultValue: true);
        var action = BindAction(r);
        var (pk, freeFraction) = BindPk(r);
        r.Finish();
        return new Drug(entry.Name, targets, freeFraction, bindsKinase, cytotoxic, pk) { Action = action };
    }

    /// <summary><c>action: { on_birth, on_death }</c>: weights of the drug's pathway inhibition on birth and on death.</summary>
    private static DrugAction BindAction(MapReader r)
    {
        if (r.OptionalMap("action") is not { } a) return DrugAction.BirthAndDeath;
        var action = new DrugAction(a.Double("on_birth", Rules.Probability, defaultValue: 1), a.Double("on_death", Rules.Probability, defaultValue: 1));
        if (action.OnBirth == 0 && action.OnDeath == 0)
            a.Report("on_birth", "and on_death cannot both be 0 (the drug's targets would do nothing)");
        a.Finish();
        return action;
    }

    private static (PharmacokineticModel Pk, double FreeFraction) BindPk(MapReader r)
    {
        var pk = r.OptionalMap("pk");
        if (pk is null) return (InVitroPk.Stable, 1.0);
        string kind = pk.Enum("kind", ["in_vitro", "oral_1cpt"], defaultValue: "in_vitro");
        double free = pk.Double("free_fraction", Rules.InRange(0, 1, lowInclusive: false), defaultValue: 1.0);
        PharmacokineticModel model = kind switch
        {
            "oral_1cpt" => new OralOneCompartmentPk(
                pk.Double("bioavailability", Rules.InRange(0, 1, lowInclusive: false)),
                pk.Double("ka_per_hour", Rules.Positive),
                pk.Double("cl_f_l_per_hour", Rules.Positive),
                pk.Double("v_f_l", Rules.Positive),
                pk.Double("molar_mass_g_per_mol", Rules.Positive)),
            _ => new InVitroPk(pk.Double("half_life_days", Rules.PositiveOrInfinite, defaultValue: double.PositiveInfinity)),
        };
        pk.Finish();
        return (model, free);
    }
}
