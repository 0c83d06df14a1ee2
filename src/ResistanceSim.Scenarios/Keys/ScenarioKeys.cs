using ResistanceSim.Model;
using ResistanceSim.Scenarios.Binding;
using ResistanceSim.Scenarios.Sweeps;
using ResistanceSim.Scenarios.Yaml;

namespace ResistanceSim.Scenarios.Keys;

/// <summary>
/// Every key a scenario file may contain, with the shape of its value and whether it must be written: the one
/// description that the validator's unknown-key check (<see cref="MapReader.Finish"/>) and <c>resistancesim schema</c>
/// both read. A binder asking <see cref="MapReader"/> for a key declared differently here (or not at all) is a bug
/// and throws; docs/scenario-reference.md explains the keys.
/// </summary>
public static class ScenarioKeys
{
    /// <summary>Most seeds a sanctuary follows one by one (with as many lesions founded in its pool, 13 genotype bits): far more than the early seeds that can become visible.</summary>
    public const int MaxSanctuaryLesions = 4095;

    private static KeySpec Required(string name, ValueShape shape, string description) => new(name, shape, Presence.Required, description);

    private static KeySpec Optional(string name, ValueShape shape, string description) => new(name, shape, Presence.Optional, description);

    private static KeySpec Conditional(string name, ValueShape shape, string description) => new(name, shape, Presence.Conditional, description);

    private static NumberShape Number(Rule? rule = null) => new(rule);

    private static WholeNumberShape Int(Rule? rule = null) => new(rule, fits32Bits: true);

    private static WholeNumberShape Long(Rule? rule = null) => new(rule, fits32Bits: false);

    private static ListShape ListOf(ValueShape item) => new(item);

    private static ListShape OneOrMore(ValueShape item) => new(item, acceptsSingleValue: true);

    private static MapShape NamedEntries(string name, string description, ValueShape entry, IReadOnlyList<string>? names = null) =>
        new(name, description) { EntryShape = entry, EntryNames = names };

    private static readonly IReadOnlyList<string> SignallingPathways = [.. Pathways.YamlNames.Where(n => n != "AUTOPHAGY")];

    private static readonly MapShape DrugTarget = new("drugTarget", "Inhibition of one pathway: h = C^n / (C^n + IC50^n).")
    {
        Keys =
        [
            Required("ic50_nM", Number(Rules.Positive), "IC50 of free drug on this pathway, nM."),
            Optional("hill", Number(Rules.Positive), "Hill slope (default 1)."),
        ],
    };

    private static readonly MapShape Drug = new("drug", "One drug of the library: targets, cytotoxic kill, pharmacokinetics.")
    {
        Keys =
        [
            Optional("targets", NamedEntries("drugTargets", "Pathway name → IC50 and Hill slope.", DrugTarget,
                [.. Pathways.YamlNames.Where(n => n != "DOWNSTREAM")]), "Pathways the drug inhibits."),
            Optional("cytotoxic", new MapShape("cytotoxicKill", "A direct kill rate, independent of signalling.")
            {
                Keys =
                [
                    Required("max_kill_per_day", Number(Rules.Positive), "Largest extra death rate, per day."),
                    Required("ec50_nM", Number(Rules.Positive), "Concentration giving half the largest kill, nM."),
                    Optional("hill", Number(Rules.Positive), "Hill slope (default 1)."),
                ],
            }, "Cytotoxic kill (chemotherapy)."),
            Optional("binds_alk_kinase_domain", BooleanShape.Instance, "Whether ALK kinase-domain mutations change its IC50 (default true)."),
            Optional("action", new MapShape("drugAction", "How pathway inhibition acts on birth and death.")
            {
                Keys =
                [
                    Optional("on_birth", Number(Rules.Probability), "Weight of inhibition on birth (default 1)."),
                    Optional("on_death", Number(Rules.Probability), "Weight of inhibition on death (default 1)."),
                ],
            }, "Weights of the drug's inhibition on birth and death."),
            Optional("pk", new MapShape("pharmacokinetics", "In-vitro medium concentration or oral one-compartment PK.")
            {
                Keys =
                [
                    Optional("kind", new ChoiceShape(["in_vitro", "oral_1cpt"]), "PK model (default in_vitro)."),
                    Optional("free_fraction", Number(Rules.InRange(0, 1, lowInclusive: false)), "Unbound fraction (default 1)."),
                ],
                Variants = new MapVariants("kind", Default: "in_vitro", Cases:
                [
                    new MapVariant("in_vitro", [Optional("half_life_days", Number(Rules.PositiveOrInfinite), "Decay half-life in the medium (default .inf).")]),
                    new MapVariant("oral_1cpt",
                    [
                        Required("bioavailability", Number(Rules.InRange(0, 1, lowInclusive: false)), "Oral bioavailability F."),
                        Required("ka_per_hour", Number(Rules.Positive), "Absorption rate constant, per hour."),
                        Required("cl_f_l_per_hour", Number(Rules.Positive), "Apparent clearance CL/F, L/h."),
                        Required("v_f_l", Number(Rules.Positive), "Apparent volume V/F, L."),
                        Required("molar_mass_g_per_mol", Number(Rules.Positive), "Molar mass, g/mol."),
                    ]),
                ]),
            }, "Pharmacokinetics."),
        ],
        AtLeastOneOf = ["targets", "cytotoxic"],
    };

    private static readonly KeySpec ProbabilityPerDivision =
        Optional("probability_per_division", Number(Rules.Probability), "Chance per division that a daughter acquires it (this or rate_per_day is needed).");

    private static readonly KeySpec RatePerDay =
        Optional("rate_per_day", Number(Rules.NonNegativeFinite), "Acquisition per cell per day, independent of division.");

    private static MapVariant Heritable(string kind, params KeySpec[] keys) =>
        new(kind, [ProbabilityPerDivision, RatePerDay, .. keys]) { AtLeastOneOf = ["probability_per_division", "rate_per_day"] };

    private static readonly MapShape Mechanism = new("mechanism", "One resistance mechanism of the catalog.")
    {
        Keys =
        [
            Required("kind", new ChoiceShape(CatalogBinder.Kinds), "What the mechanism is."),
            Optional("fitness_cost", Number(Rules.LessThan(1)), "Fractional birth-rate cost (default 0)."),
            Optional("kill_fold_change", NamedEntries("killFoldChanges", "Cytotoxic drug → factor on its kill.", Number(Rules.NonNegativeFinite)),
                "Factors on the kill of cytotoxic drugs (required for chemoresistance)."),
            Optional("exposure_fold_change", NamedEntries("exposureFoldChanges", "Drug → factor on the free concentration the cells see.", Number(Rules.NonNegativeFinite)),
                "Factors on the free concentration of drugs as the cells see it (required for sanctuary)."),
        ],
        Variants = new MapVariants("kind",
        [
            Heritable("alk_mutation",
                Optional("ic50_fold_change", NamedEntries("ic50FoldChanges", "Drug → factor on its ALK IC50.", Number(Rules.Positive)), "Factors on the ALK IC50 of kinase-binding drugs.")),
            Heritable("alk_amplification",
                Optional("copies_per_event", Int(Rules.AtLeast(1)), "ALK copies gained per event (default 1)."),
                Required("max_copies", Int(Rules.InRange(2, 64)), "Most ALK copies a cell can carry.")),
            Heritable("bypass",
                Required("pathway", new ChoiceShape(SignallingPathways), "The pathway it activates."),
                Required("activity", Number(Rules.Positive), "Signal it supplies."),
                Optional("alk_dependence", Number(Rules.Probability),
                    "Share of that signal that needs ALK still signalling, 0..1 (default 0): scaled by ALK's uninhibited fraction.")),
            Heritable("fitness"),
            Heritable("chemoresistance"),
            Heritable("sanctuary",
                Optional("lesions", Int(Rules.InRange(1, MaxSanctuaryLesions)),
                    "Seeds that found metastases of their own, followed and imaged one by one (later seeds join an unseen pool; default: the site's cells are one lesion)."),
                Optional("lesion_exposure_fold_change", NamedEntries("lesionExposureFoldChanges", "Drug → factor on the free concentration in a followed lesion.", Number(Rules.NonNegativeFinite)),
                    "Factors on the free concentration in the lesions followed one by one, for drugs that reach an established metastasis otherwise than the site at large (default: exposure_fold_change).")),
            new MapVariant("phenotype",
            [
                Required("family", new ChoiceShape([MechanismFamilies.Emt, MechanismFamilies.Autophagy]), "Which reversible state."),
                Required("on_per_day", Number(Rules.NonNegative), "Switching on, per cell per day."),
                Optional("on_per_day_at_full_stress", Number(Rules.NonNegative), "Extra switching on under full drug stress."),
                Required("off_per_day", Number(Rules.NonNegative), "Switching off, per cell per day."),
                Optional("off_per_day_without_stress", Number(Rules.NonNegative), "Extra switching off without drug stress."),
                Optional("activities", NamedEntries("pathwayActivities", "Signalling pathway → activity in this state.", Number(Rules.Positive), SignallingPathways),
                    "Pathway activities in this state."),
                Optional("death_protection", Number(Rules.Probability), "Fraction of drug-induced death prevented."),
            ]),
        ]),
    };

    private static readonly MapShape InitialClone = new("initialClone", "A clone present at day 0.")
    {
        Keys =
        [
            Optional("genotype", TextShape.Any, "'parental' or mechanism names joined by '+' (default parental)."),
            Required("cells", Long(Rules.AtLeast(1)), "Cells in the clone."),
            Optional("placement", ChoiceShape.Of<Placement>(), "Agent engine on a lattice: scattered over the layout or one clump (default scattered)."),
            Optional("cluster_at", OneOrMore(Number(SpaceBinder.CoordinateRule)), "Agent engine: the clump's centre, lattice coordinates (default the centre)."),
        ],
    };

    private static readonly MapShape DrugField = new("drugField", "The drug diffusion field: quasi-steady diffusion from sources with uptake by cells.")
    {
        Keys =
        [
            Required("sources", ChoiceShape.Of<DrugSources>(), "surface (the medium beyond the lattice's faces) or vessels (point sources at random sites)."),
            Required("diffusion_length_sites", Number(Rules.Positive), "√(D/k) in sites: distance over which drug falls by e through packed cells."),
            Optional("update_every_days", Number(Rules.Positive), "Days between solutions of the field (default 0.25; also after each passage)."),
            Optional("faces", OneOrMore(TextShape.Any), "Surface: faces touching the medium, x_min … z_max (default every face)."),
            Optional("vessel_density", Number(DrugFieldBinder.VesselDensityRule), "Vessels: fraction of sites that are vessels, in (0, 1]."),
        ],
    };

    private static readonly MapShape Space = new("space", "The agent engine's lattice, or kind none for well-mixed agents.")
    {
        Keys = [Optional("kind", new ChoiceShape(SpaceBinder.Kinds), "lattice (default) or none (well mixed).")],
        Variants = new MapVariants("kind", Default: "lattice", Cases:
        [
            new MapVariant("lattice",
            [
                Required("dims", Int(Rules.InRange(2, 3)), "2 (square lattice) or 3 (cubic)."),
                Required("size", OneOrMore(Number(SpaceBinder.SideRule)), "Sites along each axis, or one number for all."),
                Optional("neighbourhood", ChoiceShape.Of<Neighbourhood>(), "Neighbours of a site (default moore)."),
                Optional("boundary", ChoiceShape.Of<LatticeBoundary>(), "Beyond the edge: fixed wall or periodic (default fixed)."),
                Optional("layout", ChoiceShape.Of<InitialLayout>(), "Initial cells as a ball at the centre or seeded over a dish (default ball)."),
                Optional("push_depth", Int(Rules.InRange(0, SpaceBinder.MaxPushDepth)), "Longest chain of cells a division may push (default 0: contact inhibition)."),
                Optional("snapshot_every_days", Number(Rules.Positive), "Days between snapshots of every cell: cells/ table and lattice frames (default none)."),
                Optional("max_snapshot_cells", Long(Rules.AtLeast(1)), "Most cells per snapshot; more are thinned to every k-th (default 100000)."),
                Optional(DrugFieldBinder.Key, DrugField, "Drug diffusing from sources and taken up by cells (default none: every cell sees the plasma level)."),
            ]),
            new MapVariant("none", []),
        ]),
    };

    private static readonly MapShape Population = new("population", "Initial clones, rates, signal response, growth limitation.")
    {
        Keys =
        [
            Required("initial", new ListShape(InitialClone, minItems: 1), "Clones at day 0."),
            Required("b0_per_day", Number(Rules.Positive), "Parental birth rate without drug, per day."),
            Required("d0_per_day", Number(Rules.NonNegative), "Parental death rate, per day."),
            Optional("drug_death_per_day", Number(Rules.NonNegative), "Largest extra death under full pathway inhibition (default 0)."),
            Optional("signal", new MapShape("signalResponse", "How pathway signal maps to birth.")
            {
                Keys =
                [
                    Optional("half_maximal", Number(Rules.Positive), "Signal giving half the maximal birth rate."),
                    Optional("hill", Number(Rules.Positive), "Hill slope of the signal response."),
                    Optional("hyperactivation_gain", Number(Rules.InRange(0, 1)), "Gain from signal above normal."),
                    Optional("alk_independent", Number(Rules.InRange(0, 1, highInclusive: false)), "Share of the parental signal that does not pass through ALK (default 0)."),
                ],
            }, "Signal response."),
            Optional("growth_limit", new MapShape("growthLimit", "Density dependence.")
            {
                Keys = [Required("kind", ChoiceShape.Of<GrowthLimitKind>(), "Growth-limitation model.")],
                Variants = new MapVariants("kind",
                [
                    new MapVariant("none", []),
                    new MapVariant("logistic",
                    [
                        Optional("capacity_cells", Number(Rules.Positive), "Carrying capacity, cells (this or equilibrium_over_detection)."),
                        Optional("equilibrium_over_detection", Number(Rules.GreaterThan(1)),
                            "Cohorts: the size at which untreated births balance deaths, as a multiple of each patient's detection size."),
                    ]),
                    .. new[] { "gompertz", "mcfarland" }.Select(kind =>
                        new MapVariant(kind, [Required("capacity_cells", Number(Rules.Positive), "Carrying capacity, cells.")])),
                ]),
            }, "Growth limitation (default none)."),
            Optional("lineage", ChoiceShape.Of<LineageMode>(), "Clone bookkeeping (default per_event)."),
        ],
    };

    private static readonly MapShape Exposure = new("drugExposure", "How one drug is given in a phase: a fixed concentration, or oral doses (dose_mg).")
    {
        Variants = new MapVariants("dose_mg", ByPresence: true, Cases:
        [
            new MapVariant(MapVariants.Present,
            [
                Required("dose_mg", Number(Rules.Positive), "Oral dose, mg (needs pk kind oral_1cpt)."),
                Required("every_hours", Number(Rules.Positive), "Dosing interval, hours."),
                Optional("loading_dose_mg", Number(Rules.Positive), "Loading dose, mg (default dose_mg)."),
                Optional("loading_doses", Int(Rules.NonNegative), "How many loading doses."),
                Optional("missed_doses", OneOrMore(Number(Rules.Must("a whole dose number >= 1", v => v >= 1 && v == Math.Floor(v)))),
                    "Dose numbers (from 1) that are skipped."),
            ]),
            new MapVariant(MapVariants.Absent, [Required("concentration_nM", Number(Rules.NonNegative), "Medium concentration, nM.")]),
        ]),
    };

    private static readonly KeySpec PhaseDrugs = Required("drugs", NamedEntries("phaseDrugs", "Drug name → exposure.", Exposure), "Drugs given in the phase.");

    private static readonly MapShape Phase = new("phase", "One phase of a protocol, run in order.")
    {
        Keys =
        [
            Required("phase", new ChoiceShape(ProtocolBinder.PhaseKinds), "Kind of phase."),
            Required("days", Number(Rules.Positive), "Longest duration, days."),
            Optional("until", new ChoiceShape(["time", "progression", "regrowth"]), "What ends the phase early (default time)."),
            Optional("media_change_every_days", Number(Rules.PositiveOrInfinite), "Medium changes, days (default .inf)."),
            Optional("line", TextShape.Any, "Treatment line label."),
        ],
        Variants = new MapVariants("phase",
        [
            new MapVariant("continuous", [PhaseDrugs]),
            new MapVariant("holiday", []),
            new MapVariant("intermittent",
            [
                PhaseDrugs,
                Required("on_days", Number(Rules.Positive), "Days on drug per cycle."),
                Required("off_days", Number(Rules.Positive), "Days off drug per cycle."),
            ]),
            new MapVariant("adaptive",
            [
                PhaseDrugs,
                Optional("pause_below_fraction", Number(Rules.InRange(0, 1, lowInclusive: false, highInclusive: false)), "Pause below this fraction of the starting size (default 0.5)."),
                Optional("resume_at_fraction", Number(Rules.Positive), "Resume at this fraction (default 1)."),
            ]),
            new MapVariant("escalation",
            [
                Required("drug", TextShape.Any, "The drug escalated."),
                Required("start_nM", Number(Rules.Positive), "First concentration, nM."),
                Required("factor", Number(Rules.GreaterThan(1)), "Factor per raise."),
                Required("ceiling_nM", Number(Rules.Positive), "Highest concentration, nM."),
                Optional("raise_at_confluence_fraction", Number(Rules.InRange(0, 1, lowInclusive: false)), "Raise when the culture reaches this fraction of capacity (default 0.8)."),
            ]),
        ]),
    };

    private static readonly ListShape Protocol = ListOf(Phase);

    private static readonly MapShape Assay = new("assay", "A virtual viability assay.")
    {
        Keys =
        [
            Required("name", TextShape.Any, "Unique assay name."),
            Required("drug", TextShape.Any, "Drug tested."),
            Optional("days", OneOrMore(Number(Rules.NonNegative)), "Days on which the assay is run."),
            Optional("wells", Int(Rules.InRange(1, 96)), "Replicate wells per concentration (default 3)."),
            Optional("cells_per_well", Long(Rules.AtLeast(1)), "Cells seeded per well (default 5000)."),
            Optional("hours", Number(Rules.Positive), "Assay duration, hours (default 72)."),
        ],
        Variants = new MapVariants("concentrations_nM", ByPresence: true, Cases:
        [
            new MapVariant(MapVariants.Present, [Optional("concentrations_nM", OneOrMore(Number(Rules.Positive)), "Concentrations tested, nM.")]),
            new MapVariant(MapVariants.Absent,
            [
                Required("highest_nM", Number(Rules.Positive), "Top of the serial dilution, nM."),
                Optional("dilution", Number(Rules.GreaterThan(1)), "Dilution factor (default 3)."),
                Optional("concentrations", Int(Rules.InRange(3, 24)), "Number of concentrations (default 9)."),
            ]),
        ]),
    };

    private static MapShape Distribution(string name, string description, params KeySpec[] keys) => new(name, description) { Keys = keys };

    /// <summary>The parametric distributions a per-patient parameter, or a mixture's component, may follow.</summary>
    private static readonly KeySpec[] ParametricDistributions =
    [
        Optional("lognormal", Distribution("lognormal", "Log-normal.",
            Required("median", Number(Rules.Positive), "Median."),
            Required("sigma", Number(Rules.NonNegative), "SD of the log."),
            Optional("min", Number(Rules.Finite), "Truncation below (default 0)."),
            Optional("max", Number(), "Truncation above.")), "Log-normal distribution."),
        Optional("normal", Distribution("normal", "Normal.",
            Required("mean", Number(Rules.Finite), "Mean."),
            Required("sd", Number(Rules.NonNegative), "Standard deviation."),
            Optional("min", Number(), "Truncation below."),
            Optional("max", Number(), "Truncation above.")), "Normal distribution."),
        Optional("uniform", Distribution("uniform", "Uniform.",
            Required("min", Number(Rules.Finite), "Lower end."),
            Required("max", Number(Rules.Finite), "Upper end.")), "Uniform distribution."),
        Optional("loguniform", Distribution("loguniform", "Log-uniform.",
            Required("min", Number(Rules.Positive), "Lower end."),
            Required("max", Number(Rules.Positive), "Upper end.")), "Log-uniform distribution."),
    ];

    private static readonly MapShape MixtureComponent = new("mixtureComponent", "A share of the patients and the distribution they draw from.")
    {
        Keys =
        [
            Optional("weight", Number(Rules.InRange(0, 1, lowInclusive: false)), "Share of patients in this component; one component may leave it out and take the rest."),
            .. ParametricDistributions,
        ],
        ExactlyOneOf = [.. ParametricDistributions.Select(k => k.Name)],
    };

    private static readonly MapShape PatientDistribution = new("patientDistribution", "Exactly one distribution of a per-patient parameter.")
    {
        Keys =
        [
            .. ParametricDistributions,
            Optional("mixture", NamedEntries("mixture", "Component name → its weight and distribution.", MixtureComponent),
                "Patients of distinct kinds: each draws from one named component, chosen by its weight."),
        ],
        ExactlyOneOf = [.. ParametricDistributions.Select(k => k.Name), "mixture"],
    };

    /// <summary><c>cohort:</c>, also read by <see cref="CohortVariabilityReader"/>.</summary>
    public static MapShape Cohort { get; } = new("cohort", "Virtual patients: size, detection, scans, variability, prior lines.")
    {
        Keys =
        [
            Required("patients", Int(Rules.InRange(1, SweepReader.MaxPoints)), "Patients per arm."),
            Optional("detection_cells", Number(Rules.AtLeast(1)), "Tumour size at diagnosis, cells (default 1e9)."),
            Optional("history_max_days", Number(Rules.Positive), "Longest untreated history to diagnosis, days."),
            Optional("adherence", Number(Rules.InRange(0, 1, lowInclusive: false)), "Fraction of doses taken (default 1)."),
            Optional("mechanism_share_at_progression", Number(Rules.InRange(0, 1, lowInclusive: false)), "Share of cells a mechanism needs to be reported at progression."),
            Optional("scans", new MapShape("scans", "RECIST imaging.")
            {
                Keys =
                [
                    Optional("every_days", Number(Rules.Positive), "Days between scans."),
                    Optional("lesions", Int(Rules.AtLeast(1)), "Target lesions."),
                    Optional("cells_per_cm3", Number(Rules.Positive), "Cell density, cells per cm³."),
                    Optional("detection_limit_mm", Number(Rules.NonNegative), "Smallest measurable lesion, mm."),
                    Optional("new_lesion_mm", Number(Rules.NonNegativeFinite), "Sanctuary sites (kind: sanctuary) imaged on their own: one not seen at baseline that reaches this diameter is a new lesion, progression (default 0: not imaged apart)."),
                    Optional("killed_cells_half_life_days", Number(Rules.NonNegativeFinite), "Cells the drugs kill stay in the scans' reading until cleared, with this half-life in days (default 0: cleared at once)."),
                ],
            }, "Scan schedule and measurement."),
            Optional("sanctuary_local_therapy", new MapShape("sanctuary_local_therapy", "Local treatment of the visible sanctuary lesions before the studied line.")
            {
                Keys =
                [
                    Required("share", Number(Rules.InRange(0, 1)), "Share of patients whose visible sanctuary lesions were treated."),
                    Required("surviving_fraction", Number(Rules.InRange(0, 1)), "Probability that a cell of a treated lesion survives."),
                ],
            }, "Radiotherapy of brain metastases before enrolment (needs scans.new_lesion_mm)."),
            Optional("sanctuary_at_diagnosis", new MapShape("sanctuary_at_diagnosis", "A sanctuary lesion present at diagnosis in a share of patients.")
            {
                Keys =
                [
                    Required("mechanism", TextShape.Any, "The kind: sanctuary mechanism its cells carry (e.g. CNS_sanctuary)."),
                    Required("share", Number(Rules.InRange(0, 1)), "Share of patients with such a lesion at diagnosis."),
                    Required("diameter_mm", new MapShape("diameter_mm", "Its diameter, log-uniform between min and max.")
                    {
                        Keys =
                        [
                            Required("min", Number(Rules.PositiveFinite), "Smallest diameter, mm."),
                            Required("max", Number(Rules.PositiveFinite), "Largest diameter, mm (at least min)."),
                        ],
                    }, "Diameter range, mm."),
                ],
            }, "Brain metastases at baseline: cells of every clone in proportion, added to the tumour at diagnosis (needs scans.new_lesion_mm)."),
            Optional("prior_lines", Protocol, "Phases given before the arm's protocol."),
            Optional("prior_line_max_days", Number(Rules.PositiveFinite), "Longest prior-line treatment, days."),
            Optional(CohortVariabilityReader.Key, NamedEntries("variability", "Scenario path → per-patient distribution.", PatientDistribution),
                "Per-patient parameter distributions."),
        ],
    };

    private static readonly MapShape Sweep = new("sweep", "Exactly one of grid, list or latin_hypercube.")
    {
        Keys =
        [
            Conditional("grid", NamedEntries("sweepGrid", "Scenario path → values.", new ListShape(ScalarShape.Instance, minItems: 1)), "Every combination of the listed values."),
            Conditional("list", new ListShape(NamedEntries("sweepPoint", "Scenario path → value.", ScalarShape.Instance), minItems: 1), "Points listed one by one."),
            Conditional("latin_hypercube", new MapShape("latinHypercube", "Latin hypercube sample of ranges.")
            {
                Keys =
                [
                    Required("samples", Int(Rules.InRange(1, SweepReader.MaxPoints)), "Points drawn."),
                    Optional("seed", Long(Rules.NonNegative), "Seed of the design (default the scenario's)."),
                    Required("parameters", NamedEntries("sweepRanges", "Scenario path → range.", new MapShape("sweepRange", "A range to sample.")
                    {
                        Keys =
                        [
                            Required("min", Number(Rules.Finite), "Lower end."),
                            Required("max", Number(Rules.Finite), "Upper end."),
                            Optional("scale", new ChoiceShape(["linear", "log"]), "Sampling scale (default linear)."),
                        ],
                    }), "Ranges sampled."),
                ],
            }, "Latin hypercube design."),
        ],
        ExactlyOneOf = ["grid", "list", "latin_hypercube"],
    };

    private static readonly MapShape Arm = new("arm", "One schedule compared on the same patients.")
    {
        Keys =
        [
            Required("name", TextShape.Any, "Unique arm name."),
            Optional("description", TextShape.Any, "What the arm is."),
            Optional("patients", Int(Rules.AtLeast(1)), "Treat only the first N patients of the cohort."),
            Required("protocol", Protocol, "The arm's protocol (replaces the scenario's)."),
        ],
    };

    /// <summary>The top level of a scenario file.</summary>
    public static MapShape Document { get; } = new("scenario", "A ResistanceSim scenario (docs/scenario-reference.md).")
    {
        Keys =
        [
            Optional(ScenarioDocumentLoader.IncludeKey, OneOrMore(TextShape.Any), "Files merged under this one (relative to it, then to the bundled presets)."),
            Required("name", new TextShape("^[A-Za-z0-9._-]+$", RunDirectoryName.MaxLength), "Names the run directory output/<name>."),
            Required("description", TextShape.Any, "What the scenario shows."),
            Optional("seed", Long(Rules.NonNegative), "Random seed (default 1)."),
            Optional("replicates", Int(Rules.AtLeast(1)), "Independent simulations (default 1)."),
            Optional("engine", ChoiceShape.Of<EngineKind>(), "Simulation engine (default hybrid)."),
            Optional("engine_settings", new MapShape("engineSettings", "Engine tuning; defaults suit most runs.")
            {
                Keys =
                [
                    Optional("tau_epsilon", Number(Rules.InRange(0, 1, lowInclusive: false, highInclusive: false)), "Tau-leaping step control."),
                    Optional("fenwick_refresh_events", Int(Rules.AtLeast(1)), "Events between Fenwick-tree rebuilds."),
                    Optional("rate_step_days", Number(Rules.Positive), "Longest step over which drug levels are held constant, days."),
                    Optional("hybrid_threshold_cells", Number(Rules.AtLeast(1)), "Clones below this are simulated event by event."),
                    Optional("hybrid_large_clones", ChoiceShape.Of<LargeCloneMode>(), "How the hybrid engine moves large clones."),
                    Optional("ode_rtol", Number(Rules.InRange(0, 1, lowInclusive: false, highInclusive: false)), "ODE relative tolerance."),
                    Optional("ode_atol", Number(Rules.Positive), "ODE absolute tolerance."),
                    Optional("cell_cycle_shape", Int(Rules.InRange(1, EngineSettings.MaxCellCycleShape)), "Agent engine: Erlang stages of the cell cycle (default 1, exponential)."),
                ],
            }, "Engine settings."),
            Optional(SpaceBinder.Key, Space, "Agent engine: the lattice (default: well mixed)."),
            Optional("drugs", NamedEntries("drugs", "Drug name → drug.", Drug), "Drug library (usually from presets/drugs.yaml)."),
            Optional("catalog", NamedEntries("catalog", "Mechanism name → mechanism.", Mechanism), "Mechanism definitions (usually from presets/alk-nsclc.yaml)."),
            Optional("mechanisms", OneOrMore(TextShape.Any), "Catalog mechanisms this scenario uses."),
            Optional("max_alk_mutations", Int(Rules.InRange(0, 4)), "Most ALK kinase mutations one cell may carry (default 2)."),
            Required("population", Population, "Initial clones and rates."),
            Optional("protocol", Protocol, "Treatment phases."),
            Optional("passaging", new MapShape("passaging", "Split the culture 1:k near confluence.")
            {
                Keys =
                [
                    Optional("at_confluence_fraction", Number(Rules.InRange(0, 1, lowInclusive: false)), "Split at this fraction of capacity (default 0.8)."),
                    Required("split_ratio", Int(Rules.AtLeast(2)), "Keep 1 cell in k."),
                ],
            }, "Passaging."),
            Optional("assays", ListOf(Assay), "Virtual viability assays."),
            Optional("cohort", Cohort, "Virtual patients."),
            Conditional("sampling", new MapShape("sampling", "When samples are taken.")
            {
                Keys =
                [
                    Conditional("every_days", Number(Rules.Positive), "Days between samples (not in a cohort: scans set them)."),
                    Optional("clone_threshold_cells", Long(Rules.AtLeast(1)), "Smallest clone recorded, cells (default 100)."),
                ],
            }, "Sampling (required unless there is a cohort)."),
            Required("stop", new MapShape("stop", "When a replicate stops.")
            {
                Keys =
                [
                    Required("days", Number(Rules.Positive), "Simulated days."),
                    Optional("max_cells", Number(Rules.Positive), "Stop above this many cells (default 1e15)."),
                    Optional("on_progression", BooleanShape.Instance, "Stop at progression (default false)."),
                    Optional("progression_fold", Number(Rules.GreaterThan(1)), "Regrowth over the nadir that counts as progression (default 1.2)."),
                ],
            }, "Stopping rule."),
            Optional(SweepReader.Key, Sweep, "Parameter sweep."),
            Optional(ArmReader.Key, new ListShape(Arm, minItems: 1), "Arms compared on the same patients."),
        ],
    };
}
