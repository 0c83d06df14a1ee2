using System.Globalization;
using ResistanceSim.Model;
using ResistanceSim.Model.Clinical;
using ResistanceSim.Scenarios.Yaml;

namespace ResistanceSim.Scenarios.Binding;

/// <summary>
/// Binds <c>cohort:</c> (docs/trials.md): patients per arm, detection size, scans and RECIST readout,
/// adherence. <c>cohort.variability</c> (per-patient distributions) is read by
/// <see cref="Sweeps.CohortVariabilityReader"/>. A cohort also decides how the run is sampled and stopped:
/// samples are the scans, and the run stops at the progression that ends the last line.
/// </summary>
internal static class CohortBinder
{
    public const string Key = "cohort";

    /// <param name="library">Drug library, for the drugs of <c>prior_lines</c>; the ones they give are added to <paramref name="usedDrugs"/>.</param>
    public static Cohort? Bind(MapReader root, IReadOnlyDictionary<string, Drug> library, ISet<string> usedDrugs, double capacityCells,
        MechanismCatalog catalog)
    {
        if (root.OptionalMap(Key) is not { } r) return null;
        r.Accept(Sweeps.CohortVariabilityReader.Key);
        int patients = r.Int("patients", Rules.InRange(1, Sweeps.SweepReader.MaxPoints));
        double detection = r.Double("detection_cells", Rules.AtLeast(1), defaultValue: 1e9);   // Bozic et al. 2013, eLife 2:e00747: detection at M = 1e9 cells
        double historyMax = r.Double("history_max_days", Rules.Positive, defaultValue: Cohort.DefaultHistoryMaxDays);
        double adherence = r.Double("adherence", Rules.InRange(0, 1, lowInclusive: false), defaultValue: 1);
        double share = r.Double("mechanism_share_at_progression", Rules.InRange(0, 1, lowInclusive: false), defaultValue: Cohort.DefaultMechanismShare);
        var imaging = TumourImaging.Default;
        if (r.OptionalMap("scans") is { } s)
        {
            imaging = new TumourImaging(
                s.Double("every_days", Rules.Positive, defaultValue: imaging.ScanEveryDays),
                s.Int("lesions", Rules.AtLeast(1), defaultValue: imaging.Lesions),
                s.Double("cells_per_cm3", Rules.Positive, defaultValue: imaging.CellsPerCubicCentimetre),
                s.Double("detection_limit_mm", Rules.NonNegative, defaultValue: imaging.DetectionLimitMm),
                imaging.Thresholds,
                s.Double("new_lesion_mm", Rules.NonNegativeFinite, defaultValue: imaging.NewLesionMm),
                s.Double("killed_cells_half_life_days", Rules.NonNegativeFinite, defaultValue: imaging.KilledCellsHalfLifeDays));
            s.Finish();
        }
        var localTherapy = BindSanctuaryLocalTherapy(r, imaging, catalog);
        var atDiagnosis = BindSanctuaryAtDiagnosis(r, imaging, catalog);
        var priorLines = ProtocolBinder.BindPhases(r.SeqOfMaps("prior_lines", required: false), library, usedDrugs, capacityCells);
        double priorMax = r.Double("prior_line_max_days", Rules.PositiveFinite, defaultValue: Cohort.DefaultPriorLineMaxDays);
        r.Finish();
        return new Cohort(patients, detection, imaging, historyMax)
        {
            Adherence = adherence, MechanismShareAtProgression = share, PriorLines = priorLines, PriorLineMaxDays = priorMax,
            SanctuaryLocalTherapy = localTherapy, SanctuaryAtDiagnosis = atDiagnosis,
        };
    }

    /// <summary>
    /// <c>sanctuary_local_therapy</c>: it treats the sanctuary lesions a scan sees, so the scans must image sanctuaries apart
    /// and the scenario must carry a sanctuary mechanism.
    /// </summary>
    private static SanctuaryLocalTherapy? BindSanctuaryLocalTherapy(MapReader cohort, TumourImaging imaging, MechanismCatalog catalog)
    {
        const string key = "sanctuary_local_therapy";
        if (cohort.OptionalMap(key) is not { } t) return null;
        var therapy = new SanctuaryLocalTherapy(t.Double("share", Rules.InRange(0, 1)), t.Double("surviving_fraction", Rules.InRange(0, 1)));
        t.Finish();
        if (!imaging.ImagesSanctuaries)
            cohort.Report(key, "treats the sanctuary lesions the scans see, so the scans must image them apart: set cohort.scans.new_lesion_mm > 0");
        else if (catalog.SanctuaryBits == 0)
            cohort.Report(key, "treats sanctuary lesions, but no mechanism of kind sanctuary (such as CNS_sanctuary) is in the scenario's mechanisms");
        return therapy;
    }

    /// <summary>
    /// <c>sanctuary_at_diagnosis</c>: a lesion of a named sanctuary mechanism present at diagnosis in a share of patients,
    /// which the scans must image apart (it is seen at baseline and followed as such).
    /// </summary>
    private static SanctuaryAtDiagnosis? BindSanctuaryAtDiagnosis(MapReader cohort, TumourImaging imaging, MechanismCatalog catalog)
    {
        const string key = "sanctuary_at_diagnosis";
        if (cohort.OptionalMap(key) is not { } t) return null;
        string mechanism = t.String("mechanism");
        double share = t.Double("share", Rules.InRange(0, 1));
        var diameter = t.Map("diameter_mm");
        double min = diameter.Double("min", Rules.PositiveFinite), max = diameter.Double("max", Rules.PositiveFinite);
        if (max < min)
            diameter.Report("max", string.Create(CultureInfo.InvariantCulture, $"must be at least min ({min} mm; {max} supplied)"));
        diameter.Finish();
        int index = catalog.IndexOf(mechanism);
        if (index < 0 || catalog.All[index] is not Sanctuary)
            t.Report("mechanism", $"must name a mechanism of kind sanctuary in the scenario's mechanisms (such as CNS_sanctuary); '{mechanism}' is {(index < 0 ? "not among them" : "not a sanctuary")}");
        t.Finish();
        if (!imaging.ImagesSanctuaries)
            cohort.Report(key, "places a lesion that the scans must see apart at baseline: set cohort.scans.new_lesion_mm > 0");
        return new SanctuaryAtDiagnosis(mechanism, share, min, max);
    }

    /// <summary>A cohort's samples are its scans; only the clone threshold may be set under <c>sampling:</c>.</summary>
    public static Sampling BindSampling(MapReader root, Cohort cohort)
    {
        long threshold = 100;
        if (root.OptionalMap("sampling") is { } r)
        {
            if (r.Has("every_days"))
                r.Report("every_days", string.Create(CultureInfo.InvariantCulture,
                    $"is set by the cohort's scans in cohort runs (cohort.scans.every_days = {cohort.Imaging.ScanEveryDays}); remove it"));
            threshold = r.Long("clone_threshold_cells", Rules.AtLeast(1), defaultValue: threshold);
            r.Finish();
        }
        return new Sampling(cohort.Imaging.ScanEveryDays, threshold);
    }

    /// <summary>
    /// A logistic limit given as <c>equilibrium_over_detection</c> c: the capacity K = c·M/(1 − d0/b0) at which untreated
    /// parental births b0(1 − N/K) balance deaths d0 at N = c·M, M being this patient's detection size. Growth then
    /// slows as the tumour nears its size at diagnosis and speeds up again when treatment shrinks it (saturating growth,
    /// Norton 1988, Cancer Res 48:7067), yet never stops short of detection, whatever the patient's b0 and d0.
    /// </summary>
    public static PopulationSpec WithEquilibriumOverDetection(MapReader root, Cohort? cohort, PopulationSpec population, double overDetection)
    {
        if (cohort is null)
        {
            root.Report("population", "growth_limit.equilibrium_over_detection is a multiple of cohort.detection_cells, so it needs a cohort (use capacity_cells otherwise)");
            return population;
        }
        double birth = population.BirthPerDay, death = population.DeathPerDay;
        if (!(birth > death))
        {
            root.Report("population", string.Create(CultureInfo.InvariantCulture,
                $"growth_limit.equilibrium_over_detection needs untreated birth above death (b0 = {birth}, d0 = {death}): births balance deaths nowhere above 0 cells"));
            return population;
        }
        double capacity = overDetection * cohort.DetectionCells / (1 - death / birth);
        return population with { GrowthLimit = new GrowthLimit(GrowthLimitKind.Logistic, capacity) };
    }

    /// <summary>Checks that an untreated tumour can grow to the detection size at all (the history would never end otherwise).</summary>
    public static void CheckGrowthToDetection(MapReader root, Cohort cohort, PopulationSpec population, EngineKind engine, Lattice? space)
    {
        // On a lattice the tumour must fit: past the sites it can never reach detection, and every history would be redrawn.
        if (space is not null && cohort.DetectionCells > space.Sites)
            root.Report("cohort", string.Create(CultureInfo.InvariantCulture,
                $"detection_cells ({cohort.DetectionCells:G4}) must fit the lattice ({space.Sites:N0} sites): a cohort on the agent engine grows each tumour on it to detection"));
        if (engine == EngineKind.Agents && cohort.SanctuaryAtDiagnosis is not null)
            root.Report("cohort", "sanctuary_at_diagnosis adds a lesion's cells to the clones at diagnosis, which the agent engine's lattice cannot place; use exact, tau or hybrid");
        if (engine == EngineKind.Ode)
            root.Report("engine", "cohorts need a stochastic engine (exact, tau or hybrid): the mean field has no extinction and no chance resistance before diagnosis ('ode' supplied)");
        var limit = population.GrowthLimit;
        double birth = population.BirthPerDay, death = population.DeathPerDay;
        // Parental cells without drug: φ(1) = 1 and no cost, so birth b0·g(M) against death d0 + h(M).
        double net = birth * limit.BirthFactor(cohort.DetectionCells) - death - limit.DeathPerCell(cohort.DetectionCells);
        if (!(net > 0))
            root.Report("population", string.Create(CultureInfo.InvariantCulture,
                $"cohort tumours grow untreated to detection, so parental birth must exceed death at {cohort.DetectionCells:G4} cells (b0 = {birth}, d0 = {death}, growth limit {limit.Kind.ToString().ToLowerInvariant()}: net {net:G4} per day)"));
        if (population.InitialCells >= cohort.DetectionCells)
            root.Report("population", string.Create(CultureInfo.InvariantCulture,
                $"cohort tumours start below the detection size: population.initial holds {population.InitialCells} cells, cohort.detection_cells is {cohort.DetectionCells:G4}"));
    }
}
