using ResistanceSim.Model;
using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Limits;
using ResistanceSim.Scenarios.Overrides;
using ResistanceSim.Scenarios.Sweeps;
using ResistanceSim.Scenarios.Yaml;

namespace ResistanceSim.Runs;

/// <summary>
/// A scenario file (or text) read and validated with everything that multiplies it into work units — arms, sweep or
/// cohort — so that running it cannot fail on its content. Load it with <see cref="Load"/> or <see cref="Parse"/>, or
/// from a <see cref="ScenarioTemplate"/> when one file is run again and again with different overrides.
/// </summary>
public sealed class RunnableScenario
{
    /// <summary>Where override values come from in diagnostics: override N is line N of this pseudo-file.</summary>
    public const string OverridesOrigin = "<overrides>";

    private RunnableScenario(LoadedSweep loaded, string origin)
    {
        Loaded = loaded;
        Origin = origin;
    }

    internal LoadedSweep Loaded { get; }

    /// <summary>The scenario's <c>name</c>: the run directory's name under the output root.</summary>
    public string Name => Loaded.Scenario.Name;

    /// <summary>The file path as given, or the name given to text; diagnostics about the whole scenario point here.</summary>
    public string Origin { get; }

    /// <summary>The scenario with its includes and overrides resolved, as the run directory records it in <c>scenario.yaml</c>.</summary>
    public string ResolvedYaml => Loaded.Document.ResolvedYaml;

    /// <summary>The validated model of the first arm, before any sweep point or patient is applied.</summary>
    public Scenario Model => Loaded.Scenario;

    /// <summary>Work units of a whole run: every arm's points (sweep points or patients) × replicates.</summary>
    public long WorkUnits => Loaded.PointsPerArm.Sum() * (long)Loaded.Scenario.Replicates;

    /// <summary>The memory and tables a whole run on <paramref name="threads"/> threads is estimated to need (what a run holds to its limits).</summary>
    public ResourceEstimate EstimateResources(int threads) => ResourceEstimate.Of(Model, WorkUnits, threads);

    /// <summary>True for a virtual trial (<c>cohort:</c>), whose runs have a trial readout.</summary>
    public bool HasCohort => Loaded.Scenario.Cohort is not null;

    /// <summary>Reads and validates the scenario file at <paramref name="path"/> with <paramref name="overrides"/> patched in.</summary>
    /// <param name="path">The scenario file; includes resolve relative to it, then to the bundled presets.</param>
    /// <param name="overrides">Values to set before the file is read, as (path as in <c>sweep:</c>, value as YAML text) in order,
    /// e.g. (<c>population.b0_per_day</c>, <c>0.5</c>). A bad value is reported at line N of <see cref="OverridesOrigin"/>.</param>
    public static ScenarioLoadResult Load(string path, IEnumerable<KeyValuePair<string, string>>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return LoadChecked(path, overrides, parsed => SweepLoader.Load(path, parsed));
    }

    /// <summary>Validates a scenario given as YAML <paramref name="text"/> with <paramref name="overrides"/> patched in.</summary>
    /// <param name="text">The scenario's YAML.</param>
    /// <param name="name">Names the text in diagnostics (<c>name:line:col</c>); relative includes resolve from its folder, then the bundled presets.</param>
    /// <param name="overrides">As for <see cref="Load"/>.</param>
    public static ScenarioLoadResult Parse(string text, string name, IEnumerable<KeyValuePair<string, string>>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(name);
        return LoadChecked(name, overrides, parsed => SweepLoader.LoadText(text, name, parsed));
    }

    /// <summary>
    /// As <see cref="Parse"/> for text from a browser: its includes are looked for in the bundled presets only, never
    /// beside it (for a bare <paramref name="name"/>, the working directory of the server).
    /// </summary>
    public static ScenarioLoadResult ParseWithBundledIncludes(string text, string name, IEnumerable<KeyValuePair<string, string>>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(name);
        return LoadChecked(name, overrides, parsed => SweepLoader.LoadText(text, name, parsed, searchBesideText: false));
    }

    /// <summary>Loads a file with overrides that carry their own origins (a calibration's parameters); throws <see cref="ScenarioValidationException"/>.</summary>
    internal static RunnableScenario LoadOrThrow(string path, IReadOnlyList<ScenarioOverride> overrides) => new(SweepLoader.Load(path, overrides), path);

    /// <summary>Parses the overrides (their own problems are reported without reading anything), then loads and validates.</summary>
    internal static ScenarioLoadResult LoadChecked(string origin, IEnumerable<KeyValuePair<string, string>>? overrides, Func<IReadOnlyList<ScenarioOverride>, LoadedSweep> load)
    {
        var bag = new DiagnosticBag();
        var parsed = ParseOverrides(overrides ?? [], bag);
        if (bag.HasErrors) return new ScenarioLoadResult(null, bag.Sorted());
        try
        {
            return new ScenarioLoadResult(new RunnableScenario(load(parsed), origin), []);
        }
        catch (ScenarioValidationException e)
        {
            return new ScenarioLoadResult(null, e.Diagnostics);
        }
    }

    private static List<ScenarioOverride> ParseOverrides(IEnumerable<KeyValuePair<string, string>> overrides, DiagnosticBag bag)
    {
        var parsed = new List<ScenarioOverride>();
        int line = 0;
        foreach (var (path, value) in overrides)
        {
            var origin = new SourceLocation(OverridesOrigin, ++line, 1);
            if (YamlPath.TryParse(path, out var yamlPath, out string? error)) parsed.Add(new ScenarioOverride(yamlPath, value, origin));
            else bag.Error(origin, path, $"override '{path}': {error}");
        }
        return parsed;
    }
}
