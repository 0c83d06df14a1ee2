using System.Globalization;
using ResistanceSim.Model.Calibration;
using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Sweeps;
using ResistanceSim.Scenarios.Yaml;

namespace ResistanceSim.Scenarios.Calibration;

/// <summary>
/// Reads a calibration file (docs/calibration.md):
/// <code>
/// name: alk-trials
/// seed: 2026
/// scenarios:
///   profile_1014: { file: ../profile-1014-virtual-trial.yaml, patients: 60 }
/// parameters:
///   population.signal.hyperactivation_gain: { uniform: { min: 0, max: 0.5 } }
///   'cohort.variability."population.d0_per_day".normal.mean': { uniform: { min: 0.12, max: 0.135 }, scenarios: [profile_1014] }
/// targets:
///   - { name: crizotinib median PFS, scenario: profile_1014, metric: median_pfs_months, arm: crizotinib,
///       published: 10.9, tolerance: 1.6, source: Solomon 2014 NEJM 371:2167 }
/// abc: { particles: 100, generations: 8, quantile: 0.5 }
/// </code>
/// Every problem is reported located, all together. Whether the paths, arms and assays exist in the scenarios is
/// checked by <see cref="CalibrationValidator"/>, which loads them.
/// </summary>
public static class CalibrationReader
{
    /// <summary>Most free parameters: the kernel's covariance and the report's charts stay readable.</summary>
    public const int MaxParameters = 32;

    /// <summary>A target given with a standard error is within tolerance inside its two-sided 95% normal interval.</summary>
    public const double StandardErrorsWithin = 1.96;

    private static readonly Dictionary<string, TargetMetric> Metrics = new(StringComparer.Ordinal)
    {
        ["median_pfs_months"] = TargetMetric.MedianPfsMonths,
        ["orr"] = TargetMetric.ObjectiveResponseRate,
        ["pfs_at_months"] = TargetMetric.PfsAtMonths,
        ["hazard_ratio"] = TargetMetric.HazardRatio,
        ["mechanism_share"] = TargetMetric.MechanismShare,
        ["ic50_nM"] = TargetMetric.Ic50,
        ["log10_cells"] = TargetMetric.Log10Cells,
        ["sanctuary_progression_share"] = TargetMetric.SanctuaryProgressionShare,
        ["sanctuary_at_baseline_share"] = TargetMetric.SanctuaryAtBaselineShare,
    };

    public static LoadedCalibration Load(string path)
    {
        var bag = new DiagnosticBag();
        var document = ScenarioDocumentLoader.Load(path, LoadOptions.Default, bag);
        bag.ThrowIfErrors();
        var loaded = Read(document, Path.GetDirectoryName(Path.GetFullPath(path))!, bag);
        bag.ThrowIfErrors();
        return loaded;
    }

    public static LoadedCalibration Read(LoadedDocument document, string directory, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(document);
        var root = new MapReader(document.Root, "", bag);
        string name = root.String("name");
        ulong seed = (ulong)root.Long("seed", Rules.NonNegative, defaultValue: 1);
        var scenarios = ReadScenarios(root, directory);
        var parameterSources = new List<SweepParameterSource>();
        var parameters = ReadParameters(root, scenarios, parameterSources);
        var targetLocations = new List<SourceLocation>();
        var targets = ReadTargets(root, TargetsKey, scenarios, targetLocations);
        var predictionLocations = new List<SourceLocation>();
        var predictions = ReadTargets(root, PredictionsKey, scenarios, predictionLocations);
        foreach (string both in predictions.Select(p => p.Name).Intersect(targets.Select(t => t.Name), StringComparer.Ordinal).Take(1))
            root.Report(PredictionsKey, $"names '{both}', which is a target too (a published value is fitted or predicted, not both)");
        var abc = ReadAbc(root);
        root.Finish();
        if (name.Length > 0 && name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            root.Report("name", $"must be usable as a folder name ('{name}' supplied)");
        var plan = new CalibrationPlan(name, seed, scenarios, parameters, targets, abc) { Predictions = predictions };
        return new LoadedCalibration(plan, document, parameterSources, targetLocations) { PredictionLocations = predictionLocations };
    }

    private static List<CalibrationScenario> ReadScenarios(MapReader root, string directory)
    {
        var scenarios = new List<CalibrationScenario>();
        foreach (var entry in root.MapOfMaps("scenarios", required: true))
        {
            var r = entry.Reader;
            string file = r.String("file");
            string full = Path.GetFullPath(Path.Combine(directory, file));
            if (file.Length > 0 && !File.Exists(full)) r.Report("file", $"names a file that does not exist ('{full}')");
            var scenario = new CalibrationScenario(entry.Name, full, r.OptionalInt("patients", Rules.Positive), r.OptionalInt("replicates", Rules.Positive));
            r.Finish();
            scenarios.Add(scenario);
        }
        if (scenarios.Count == 0 && root.Has("scenarios")) root.Report("scenarios", "must name at least one scenario");
        return scenarios;
    }

    private static List<CalibrationParameter> ReadParameters(MapReader root, List<CalibrationScenario> scenarios, List<SweepParameterSource> locations)
    {
        var parameters = new List<CalibrationParameter>();
        if (root.OptionalMap("parameters") is not { } map)
        {
            root.Report("parameters", "must name at least one free parameter (a scenario path with a prior)");
            return parameters;
        }
        foreach (var entry in map.Source.Entries)
        {
            map.Accept(entry.Name);
            if (SweepReader.ReadParameter(entry, map.Path, map.Bag, allowVariability: true) is not { } path) continue;
            if (entry.Value is not YamlMap settings)
            {
                map.Bag.Error(entry.Value.Location, map.PathOf(entry.Name), $"{map.PathOf(entry.Name)} must be a prior, e.g. {{ uniform: {{ min: 0.1, max: 0.2 }} }}");
                continue;
            }
            var r = new MapReader(settings, map.PathOf(entry.Name), map.Bag);
            var prior = PriorReader.Read(r);
            var only = r.Strings("scenarios");
            foreach (string unknown in only.Where(s => scenarios.All(c => c.Name != s)))
                r.Report("scenarios", $"names '{unknown}', which is not under scenarios:{KeySuggester.DidYouMean(unknown, [.. scenarios.Select(s => s.Name)])}");
            r.Finish();
            if (prior is null) continue;
            parameters.Add(new CalibrationParameter(path.PathText, prior, only));
            locations.Add(path);
        }
        if (map.Source.Count == 0) root.Report("parameters", "must name at least one free parameter (a scenario path with a prior)");
        if (parameters.Count > MaxParameters)
            root.Report("parameters", string.Create(CultureInfo.InvariantCulture, $"has {parameters.Count} free parameters; at most {MaxParameters} are allowed"));
        return parameters;
    }

    private const string TargetsKey = "targets", PredictionsKey = "predictions";

    /// <summary>The list under <paramref name="key"/>: the targets (required) or the predictions (optional), read alike.</summary>
    private static List<CalibrationTarget> ReadTargets(MapReader root, string key, List<CalibrationScenario> scenarios, List<SourceLocation> locations)
    {
        var targets = new List<CalibrationTarget>();
        var items = root.SeqOfMaps(key, required: key == TargetsKey);
        foreach (var r in items)
        {
            string name = r.String("name");
            string scenario = r.String("scenario");
            if (scenario.Length > 0 && scenarios.All(s => s.Name != scenario))
                r.Report("scenario", $"names '{scenario}', which is not under scenarios:{KeySuggester.DidYouMean(scenario, [.. scenarios.Select(s => s.Name)])}");
            string metricName = r.Enum("metric", [.. Metrics.Keys]);
            var metric = Metrics.GetValueOrDefault(metricName);
            bool trial = metric.ReadsTrial();
            string arm = trial ? r.String("arm") : "";
            double at = metric switch
            {
                TargetMetric.PfsAtMonths => r.Double("months", Rules.Positive),
                TargetMetric.Ic50 or TargetMetric.Log10Cells => r.Double("day", Rules.NonNegative),
                _ => double.NaN,
            };
            string assay = metric == TargetMetric.Ic50 ? r.String("assay") : "";
            string drug = metric == TargetMetric.Ic50 ? r.String("drug") : "";
            var mechanisms = metric == TargetMetric.MechanismShare ? r.Strings("mechanisms", required: true) : [];
            var subgroup = metric == TargetMetric.MedianPfsMonths ? r.Enum("subgroup", TrialSubgroup.All) : TrialSubgroup.All;
            var (low, high) = ReadPublished(r);
            double? tolerance = r.OptionalDouble("tolerance", Rules.Positive);
            double? standardError = r.OptionalDouble("standard_error", Rules.Positive);
            if ((tolerance is null) == (standardError is null) && !(tolerance is null && high > low))
                r.Report(tolerance is null ? "tolerance" : "standard_error",
                    "exactly one of tolerance and standard_error must be given (a published range may omit both: its half-width is the tolerance)");
            double scale = tolerance ?? standardError ?? (high - low) / 2;   // a bare range: its half-width scales the miss
            string source = r.String("source", "");
            r.Finish();
            if (r.Bag.HasErrors) continue;
            targets.Add(new CalibrationTarget(name, scenario, metric, arm, at, assay, drug, mechanisms, low, high, scale, source)
            {
                Allowance = tolerance is not null ? 1 : standardError is not null ? StandardErrorsWithin : 0,
                Subgroup = subgroup,
            });
            locations.Add(r.Location);
        }
        var duplicate = targets.GroupBy(t => t.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) root.Report(key, $"names '{duplicate.Key}' twice (target names label the output columns)");
        return targets;
    }

    /// <summary>A published value (<c>published: 10.9</c>) or range (<c>published: { min: 0.2, max: 0.37 }</c>).</summary>
    private static (double Low, double High) ReadPublished(MapReader r)
    {
        if (r.Node("published") is YamlMap)
        {
            var range = r.Map("published");
            double low = range.Double("min", Rules.Finite), high = range.Double("max", Rules.Finite);
            range.Finish();
            if (high < low) range.Report("max", string.Create(CultureInfo.InvariantCulture, $"must be >= min ({high} < {low})"));
            return (low, high);
        }
        double value = r.Double("published", Rules.Finite);
        return (value, value);
    }

    private static AbcSettings ReadAbc(MapReader root)
    {
        var abc = root.OptionalMap("abc");
        if (abc is null) return new AbcSettings(100, 8, 0.5, 0.02, 0);
        var settings = new AbcSettings(
            abc.Int("particles", Rules.InRange(2, 100_000), 100),
            abc.Int("generations", Rules.InRange(1, 1_000), 8),
            abc.Double("quantile", Rules.InRange(0, 1, lowInclusive: false, highInclusive: false), 0.5),
            abc.Double("min_acceptance", Rules.InRange(0, 1), 0.02),
            abc.Double("min_epsilon", Rules.NonNegative, 0),
            abc.Enum("method", AbcMethod.Importance),
            abc.Enum("distance", AbcDistance.RootMeanSquare),
            abc.Enum("preset", PresetPoint.PosteriorMedian),
            abc.Int("preset_candidates", Rules.InRange(1, 100_000), 10),
            abc.Int("preset_draws", Rules.InRange(1, 100), 1));
        abc.Finish();
        return settings;
    }
}
