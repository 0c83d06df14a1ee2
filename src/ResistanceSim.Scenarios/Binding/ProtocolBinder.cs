using ResistanceSim.Model;
using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Yaml;

namespace ResistanceSim.Scenarios.Binding;

/// <summary>
/// Binds <c>protocol:</c>, a list of phases run in order (docs/protocols.md); every drug named must be in
/// the drug library, oral doses need a drug with oral_1cpt PK, escalation needs a culture capacity.
/// </summary>
internal static class ProtocolBinder
{
    public static readonly string[] PhaseKinds = ["continuous", "holiday", "intermittent", "adaptive", "escalation"];

    public static Protocol Bind(MapReader root, IReadOnlyDictionary<string, Drug> library, ISet<string> used, double capacityCells) =>
        BindPhases(root.SeqOfMaps("protocol", required: false), library, used, capacityCells);

    /// <summary>Binds a list of phase maps: the scenario's <c>protocol:</c> or a cohort's <c>prior_lines:</c>.</summary>
    public static Protocol BindPhases(IReadOnlyList<MapReader> phaseMaps, IReadOnlyDictionary<string, Drug> library, ISet<string> used, double capacityCells)
    {
        var phases = new List<ProtocolPhase>();
        foreach (var phase in phaseMaps)
        {
            string kind = phase.Enum("phase", PhaseKinds);
            double days = phase.Double("days", Rules.Positive);
            ProtocolPhase bound = kind switch
            {
                "holiday" => new ContinuousPhase(days, []),
                "intermittent" => new IntermittentPhase(days, BindExposures(phase, library, used),
                    phase.Double("on_days", Rules.Positive), phase.Double("off_days", Rules.Positive)),
                "adaptive" => BindAdaptive(phase, days, library, used),
                "escalation" => BindEscalation(phase, days, library, used, capacityCells),
                _ => new ContinuousPhase(days, BindExposures(phase, library, used)),
            };
            string until = phase.Enum("until", ["time", "progression", "regrowth"], defaultValue: "time");
            double mediaChange = phase.Double("media_change_every_days", Rules.PositiveOrInfinite, defaultValue: double.PositiveInfinity);
            string? line = phase.OptionalString("line");
            phase.Finish();
            phases.Add(bound with
            {
                EndsOnProgression = until == "progression", EndsOnRegrowth = until == "regrowth", MediaChangeEveryDays = mediaChange, Line = line,
            });
        }
        return new Protocol(phases);
    }

    private static AdaptivePhase BindAdaptive(MapReader phase, double days, IReadOnlyDictionary<string, Drug> library, ISet<string> used)
    {
        var exposures = BindExposures(phase, library, used);
        // Zhang et al. 2017 (Nat Commun 8:1816): pause at 50% of the pre-treatment PSA, resume at 100%.
        double pause = phase.Double("pause_below_fraction", Rules.InRange(0, 1, lowInclusive: false, highInclusive: false), defaultValue: 0.5);
        double resume = phase.Double("resume_at_fraction", Rules.Positive, defaultValue: 1.0);
        if (resume <= pause) phase.Report("resume_at_fraction", $"must be > pause_below_fraction ({resume} <= {pause})");
        return new AdaptivePhase(days, exposures, pause, resume);
    }

    private static EscalationPhase BindEscalation(
        MapReader phase, double days, IReadOnlyDictionary<string, Drug> library, ISet<string> used, double capacityCells)
    {
        string drug = phase.String("drug");
        if (drug.Length > 0 && !library.ContainsKey(drug))
            phase.Report("drug", $"names unknown drug '{drug}'{KeySuggester.DidYouMean(drug, library.Keys)}");
        else used.Add(drug);
        double start = phase.Double("start_nM", Rules.Positive);
        double factor = phase.Double("factor", Rules.GreaterThan(1));
        double ceiling = phase.Double("ceiling_nM", Rules.Positive);
        if (ceiling < start) phase.Report("ceiling_nM", $"must be >= start_nM ({ceiling} < {start})");
        double fraction = phase.Double("raise_at_confluence_fraction", Rules.InRange(0, 1, lowInclusive: false), defaultValue: 0.8);
        if (!double.IsFinite(capacityCells))
            phase.Report("phase", "escalation needs a culture capacity: set population.growth_limit.capacity_cells");
        return new EscalationPhase(days, drug, start, factor, ceiling, fraction);
    }

    private static List<DrugExposure> BindExposures(MapReader phase, IReadOnlyDictionary<string, Drug> library, ISet<string> used)
    {
        var exposures = new List<DrugExposure>();
        foreach (var entry in phase.MapOfMaps("drugs", required: true))
        {
            var r = entry.Reader;
            if (!library.TryGetValue(entry.Name, out var drug))
            {
                phase.Bag.Error(entry.NameLocation, r.Path,
                    $"{r.Path}: unknown drug '{entry.Name}'{KeySuggester.DidYouMean(entry.Name, library.Keys)}");
                r.Accept([.. r.Source.Keys]);
                continue;
            }
            used.Add(entry.Name);
            exposures.Add(r.Has("dose_mg") ? BindOral(r, drug) : new FixedConcentration(entry.Name, r.Double("concentration_nM", Rules.NonNegative)));
            r.Finish();
        }
        return exposures;
    }

    private static OralRegimen BindOral(MapReader r, Drug drug)
    {
        if (drug.Pk is not OralOneCompartmentPk)
            r.Report("dose_mg", $"needs drug '{drug.Name}' to have pk kind oral_1cpt (it has in_vitro; give concentration_nM instead)");
        double dose = r.Double("dose_mg", Rules.Positive);
        double interval = r.Double("every_hours", Rules.Positive);
        double loading = r.Double("loading_dose_mg", Rules.Positive, defaultValue: dose);
        int loadingDoses = r.Int("loading_doses", Rules.NonNegative, defaultValue: r.Has("loading_dose_mg") ? 1 : 0);
        var missed = r.Doubles("missed_doses", Rules.Must("a whole dose number >= 1", v => v >= 1 && v == Math.Floor(v)));
        return new OralRegimen(drug.Name, dose, interval, loading, loadingDoses, missed.Select(m => (int)m).ToArray());
    }
}
