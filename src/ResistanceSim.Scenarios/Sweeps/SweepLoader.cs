using System.Globalization;
using ResistanceSim.Model;
using ResistanceSim.Scenarios.Binding;
using ResistanceSim.Scenarios.Bundled;
using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Overrides;
using ResistanceSim.Scenarios.Yaml;

namespace ResistanceSim.Scenarios.Sweeps;

/// <summary>
/// A scenario file with everything that multiplies it into work units: its arms (<c>arms:</c>), and its points —
/// a <c>sweep:</c> or a cohort's patients (<c>cohort.variability</c>). Each (arm, point) scenario is the document
/// with the arm's protocol and the point's values patched in, then bound like any file.
/// </summary>
public sealed class LoadedSweep
{
    private readonly IReadOnlyList<YamlMap> _armDocuments;
    private readonly IReadOnlyCollection<string> _allDrugs;

    internal LoadedSweep(LoadedDocument document, IReadOnlyList<YamlMap> armDocuments, IReadOnlyList<ArmSource> arms,
        IReadOnlyCollection<string> allDrugs, Scenario scenario, SweepDefinition sweep)
    {
        Document = document;
        _armDocuments = armDocuments;
        Arms = arms;
        _allDrugs = allDrugs;
        Scenario = scenario;
        Definition = sweep;
    }

    /// <summary>The file as loaded (resolved YAML and hash include the sweep and arms).</summary>
    public LoadedDocument Document { get; }

    /// <summary>The first arm's scenario with no point values applied; it has every arm's drugs.</summary>
    public Scenario Scenario { get; }

    public SweepDefinition Definition { get; }

    public Sweep Sweep => Definition.Model;

    /// <summary>The arms, in file order; one unnamed arm when the file has no <c>arms:</c>.</summary>
    public IReadOnlyList<ArmSource> Arms { get; }

    /// <summary>Points (patients) each arm runs: all of them unless the arm treats fewer patients.</summary>
    public IReadOnlyList<int> PointsPerArm => [.. Arms.Select(a => a.Patients ?? Definition.Points.Count)];

    /// <summary>
    /// The scenario of <paramref name="arm"/> at point <paramref name="point"/>. Every one was validated on loading, so this
    /// does not fail. The first arm of a scenario without sweep values is <see cref="Scenario"/> itself (a model is
    /// immutable), rather than the same document bound again for each worker.
    /// </summary>
    public Scenario ScenarioFor(int arm, int point)
    {
        if (arm == 0 && Definition.Parameters.Count == 0) return Scenario;
        var bag = new DiagnosticBag();
        var scenario = ScenarioBinder.Bind(Definition.Patch(_armDocuments[arm], point, bag), bag, _allDrugs);
        bag.ThrowIfErrors();
        return scenario;
    }
}

/// <summary>
/// Loads a scenario with its arms and sweep or cohort and validates every (arm, point) before anything runs:
/// path errors (with the nearest key suggested) and values the binder rejects are reported at the entry that
/// wrote them, each distinct problem once, all together.
/// </summary>
public static class SweepLoader
{
    public static LoadedSweep Load(string path) => Load(path, []);

    /// <summary>Loads <paramref name="path"/> with <paramref name="overrides"/> patched in before its arms, sweep or cohort are read.</summary>
    public static LoadedSweep Load(string path, IReadOnlyList<ScenarioOverride> overrides) => Load(Read(path), overrides);

    /// <summary>Loads a scenario given as <paramref name="text"/> (named <paramref name="path"/> in messages, which also anchors
    /// relative includes), with <paramref name="overrides"/> patched in as for a file.</summary>
    public static LoadedSweep LoadText(string text, string path, IReadOnlyList<ScenarioOverride> overrides) =>
        LoadText(text, path, overrides, searchBesideText: true);

    /// <summary>As <see cref="LoadText(string, string, IReadOnlyList{ScenarioOverride})"/>; with <paramref name="searchBesideText"/>
    /// false the text's includes are looked for in the bundled presets only (<see cref="LoadOptions.SearchBesideText"/>).</summary>
    public static LoadedSweep LoadText(string text, string path, IReadOnlyList<ScenarioOverride> overrides, bool searchBesideText) =>
        Load(ScenarioDocumentLoader.LoadText(text, path, Options with { SearchBesideText = searchBesideText }), overrides);

    /// <summary>Reads <paramref name="path"/> with its includes merged, as <see cref="Load(string, IReadOnlyList{ScenarioOverride})"/>
    /// does before patching and validating; problems are kept in the document's diagnostics.</summary>
    public static LoadedDocument Read(string path) => ScenarioDocumentLoader.Load(path, Options);

    /// <summary>Patches <paramref name="overrides"/> into an already read <paramref name="document"/> (left unchanged) and
    /// validates the result as a freshly read file: the same scenario, or the same problems, as
    /// <see cref="Load(string, IReadOnlyList{ScenarioOverride})"/> while the files are unchanged.</summary>
    public static LoadedSweep Load(LoadedDocument document, IReadOnlyList<ScenarioOverride> overrides)
    {
        ArgumentNullException.ThrowIfNull(document);
        var bag = new DiagnosticBag();
        bag.AddRange(document.Diagnostics);
        return FromDocument(DocumentOverrides.Apply(document, overrides, bag), bag);
    }

    /// <summary>
    /// <paramref name="loaded"/> as if its file said <c>seed: <paramref name="seed"/></c>: the seed of the simulation and of
    /// everything drawn when the file is read — a cohort's patients (<c>cohort.variability</c>) and a design's points — so
    /// another seed means other patients, not only other histories of the same ones. The seed is recorded in the resolved
    /// YAML as an override; <paramref name="seed"/> must be at most <see cref="long.MaxValue"/>, as in a file.
    /// </summary>
    public static LoadedSweep WithSeed(LoadedSweep loaded, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        return seed == loaded.Scenario.Seed ? loaded : Load(loaded.Document, [SeedOverride(seed)]);
    }

    /// <summary>
    /// The override that sets the file's <c>seed:</c>: patched in with the others when the file is read, it reseeds the
    /// patients and design points as <see cref="WithSeed"/> does, without binding the scenario twice.
    /// </summary>
    public static ScenarioOverride SeedOverride(ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(seed, (ulong)long.MaxValue);
        return new ScenarioOverride(YamlPath.Parse("seed"), seed.ToString(CultureInfo.InvariantCulture), new SourceLocation("<seed>", 1, 1));
    }

    /// <summary>The bundled presets resolve wherever the tool runs (<see cref="BundledScenarios.IncludeOptions"/>).</summary>
    private static LoadOptions Options => BundledScenarios.IncludeOptions;

    /// <summary>Reads the arms and sweep of an already loaded document and validates every point; throws <see cref="ScenarioValidationException"/> with all problems.</summary>
    public static LoadedSweep FromDocument(LoadedDocument document, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(bag);
        bag.ThrowIfErrors();
        var arms = ArmReader.Read(document.Root, bag);
        var baseDocument = document.Root.Without(SweepReader.Key).Without(ArmReader.Key);
        IReadOnlyList<ArmSource> armSources = arms ?? [new ArmSource("", "", null, null, baseDocument.Location)];
        YamlMap[] armDocuments = arms is null ? [baseDocument] : [.. arms.Select(a => WithProtocol(baseDocument, a))];

        // Bind the shared part, then every arm once to learn its drugs (a shared mistake is reported once, without
        // an arm); all arms then keep the union of drugs.
        var reported = new HashSet<(string, string)>();
        var drugs = new SortedSet<string>(StringComparer.Ordinal);
        if (arms is not null) BindReportingOnce(baseDocument, bag, reported, "", null);
        for (int a = 0; a < armDocuments.Length; a++)
            if (BindReportingOnce(armDocuments[a], bag, reported, ArmPrefix(armSources, a), null) is { } bound)
                drugs.UnionWith(bound.Drugs.Keys);
        bag.ThrowIfErrors();
        var scenario = ScenarioBinder.Bind(armDocuments[0], bag, drugs);

        var sweep = SweepReader.Read(document.Root, scenario.Seed, bag);
        if (scenario.Cohort is { } cohort)
        {
            if (sweep.Kind != SweepKind.None)
                bag.Error(document.Root.TryGetEntry(SweepReader.Key, out var entry) ? entry.Key.Location : document.Root.Location, SweepReader.Key,
                    "a scenario has either a sweep or a cohort, not both (sweep the cohort's scenario in separate files)");
            if (scenario.Replicates != 1)
                bag.Error(document.Root["replicates"]?.Location ?? document.Root.Location, "replicates",
                    string.Create(CultureInfo.InvariantCulture, $"replicates must be 1 in a cohort: each patient is one tumour (set cohort.patients) ({scenario.Replicates} supplied)"));
            sweep = CohortVariabilityReader.Read(document.Root, cohort, scenario.Seed, bag);
            foreach (var arm in armSources.Where(a => a.Patients > cohort.Patients))
                bag.Error(arm.Location, ArmReader.Key, string.Create(CultureInfo.InvariantCulture,
                    $"arm '{arm.Name}' treats {arm.Patients} patients but the cohort has {cohort.Patients}"));
        }
        else
        {
            foreach (var arm in armSources.Where(a => a.Patients is not null))
                bag.Error(arm.Location, ArmReader.Key, $"arm '{arm.Name}': patients applies only to scenarios with a cohort");
        }
        bag.ThrowIfErrors();
        if (sweep.Kind != SweepKind.None) ValidatePoints(armDocuments, armSources, drugs, scenario, sweep, bag);
        bag.ThrowIfErrors();
        return new LoadedSweep(document, armDocuments, armSources, drugs, scenario, sweep);
    }

    private static YamlMap WithProtocol(YamlMap document, ArmSource arm) =>
        document.With(new YamlScalar("protocol", YamlScalarStyle.Plain, arm.Location), arm.Protocol!);

    private static Scenario? BindReportingOnce(YamlMap document, DiagnosticBag bag, HashSet<(string, string)> reported, string prefix,
        IReadOnlyCollection<string>? drugs)
    {
        var own = new DiagnosticBag();
        var bound = ScenarioBinder.Bind(document, own, drugs);
        foreach (var problem in own.InRecordedOrder)
            if (reported.Add((problem.Path, problem.Message))) bag.Add(problem with { Message = prefix + problem.Message });
        return own.HasErrors ? null : bound;
    }

    private static void ValidatePoints(IReadOnlyList<YamlMap> armDocuments, IReadOnlyList<ArmSource> arms, IReadOnlyCollection<string> drugs,
        Scenario scenario, SweepDefinition sweep, DiagnosticBag bag)
    {
        var reported = new HashSet<(string, string)>();   // (path, message): the same mistake in many points is reported once
        var points = Enumerable.Range(0, armDocuments.Count)
            .SelectMany(a => Enumerable.Range(0, arms[a].Patients ?? sweep.Points.Count).Select(i => (Arm: a, Point: i)));
        // Binding every point (a cohort's hundreds of patients) is most of a big run's start-up and each point is bound on
        // its own, so they are bound side by side; their problems are still reported in point order, as bound one by one.
        var checkedPoints = points.AsParallel().AsOrdered().Select(p =>
        {
            var pointBag = new DiagnosticBag();
            var patched = sweep.Patch(armDocuments[p.Arm], p.Point, pointBag);
            var bound = pointBag.HasErrors ? null : ScenarioBinder.Bind(patched, pointBag, drugs);
            return (p.Arm, p.Point, Problems: pointBag, Bound: bound);
        });
        foreach (var (a, i, pointBag, bound) in checkedPoints)
        {
            string prefix = ArmPrefix(arms, a) + Prefix(sweep, i);
            foreach (var problem in pointBag.InRecordedOrder)
                if (reported.Add((problem.Path, problem.Message))) bag.Add(problem with { Message = prefix + problem.Message });
            if (bound is not null && !pointBag.HasErrors && !SameShape(scenario, bound))
                bag.Error(sweep.Parameters[0].Location, SweepReader.Key,
                    prefix + "a sweep may change parameter values, not which mechanisms or drugs a scenario has (the output columns depend on them)");
            if (reported.Count > 50) return;   // enough to fix; the rest are usually the same mistake
        }
    }

    private static string ArmPrefix(IReadOnlyList<ArmSource> arms, int arm) => arms.Count > 1 || arms[arm].Name.Length > 0 ? $"arm '{arms[arm].Name}': " : "";

    private static string Prefix(SweepDefinition sweep, int point) => string.Create(CultureInfo.InvariantCulture,
        $"{(sweep.Kind == SweepKind.Cohort ? "patient" : "sweep point")} {point} ({string.Join(", ", sweep.Parameters.Select((p, j) => $"{p.PathText}={sweep.Points[point].Values[j]}"))}): ");

    private static bool SameShape(Scenario a, Scenario b) =>
        a.Catalog.All.Select(m => m.Name).SequenceEqual(b.Catalog.All.Select(m => m.Name), StringComparer.Ordinal)
        && a.DrugList.Select(d => d.Name).SequenceEqual(b.DrugList.Select(d => d.Name), StringComparer.Ordinal);
}
