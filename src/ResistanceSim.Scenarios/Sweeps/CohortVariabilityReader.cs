using System.Globalization;
using ResistanceSim.Model;
using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Keys;
using ResistanceSim.Scenarios.Yaml;

namespace ResistanceSim.Scenarios.Sweeps;

/// <summary>
/// Reads <c>cohort.variability</c> — scenario path → distribution, e.g.
/// <code>
/// variability:
///   population.b0_per_day: { lognormal: { median: 0.14, sigma: 0.1 } }
///   cohort.detection_cells: { loguniform: { min: 1.0e8, max: 1.0e10 } }
///   cohort.adherence: { uniform: { min: 0.8, max: 1.0 } }
///   drugs.crizotinib.pk.cl_f_l_per_hour: { normal: { mean: 60, sd: 15, min: 10 } }
/// </code>
/// — and draws every patient's values. Patient p's value of a parameter depends only on (seed, p, the parameter's
/// path) (<see cref="PatientParameterStream"/>): not on the cohort size, the arms, the other entries or their order,
/// so a bigger cohort keeps its first patients and editing one entry leaves the others' draws as they were. The result is
/// a <see cref="SweepDefinition"/> of kind <see cref="SweepKind.Cohort"/> (one point per patient), patched into the
/// scenario and reported (points/, summary/) like a sweep.
/// </summary>
public static class CohortVariabilityReader
{
    public const string Key = "variability";

    private const int MaxRedraws = 10_000;

    public static SweepDefinition Read(YamlMap document, Cohort cohort, ulong scenarioSeed, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(cohort);
        var parameters = new List<SweepParameterSource>();
        var distributions = new List<PatientDistribution>();
        if (document["cohort"] is YamlMap cohortMap && new MapReader(cohortMap, "cohort", bag, ScenarioKeys.Cohort).OptionalMap(Key) is { } variability)
        {
            foreach (var entry in variability.Source.Entries)
            {
                variability.Accept(entry.Name);
                if (SweepReader.ReadParameter(entry, variability.Path, bag) is not { } parameter) continue;
                if (ReadDistribution(variability, entry, bag) is not { } distribution) continue;
                parameters.Add(parameter);
                distributions.Add(distribution);
            }
        }
        if (parameters.Count == 0) return Unvarying(cohort.Patients);

        var points = new SweepPointSource[cohort.Patients];
        for (int p = 0; p < points.Length; p++)
        {
            var texts = new string[parameters.Count];
            for (int j = 0; j < parameters.Count; j++)
                texts[j] = Draw(distributions[j], scenarioSeed, p, parameters[j], bag).ToString("R", CultureInfo.InvariantCulture);
            points[p] = new SweepPointSource(texts, parameters.Select(q => q.Location).ToArray());
        }
        return new SweepDefinition(SweepKind.Cohort, parameters, points);
    }

    /// <summary>Patients who differ only by chance: nothing patched.</summary>
    private static SweepDefinition Unvarying(int patients) =>
        new(SweepKind.Cohort, [], Enumerable.Range(0, patients).Select(_ => new SweepPointSource([], [])).ToArray());

    private static double Draw(PatientDistribution distribution, ulong seed, int patient, SweepParameterSource source, DiagnosticBag bag)
    {
        var stream = PatientParameterStream.For(seed, patient, source.Path);
        for (int attempt = 0; attempt < MaxRedraws; attempt++)
        {
            double value = distribution.Draw(stream.NextOpenDouble(), stream.NextOpenDouble());
            if (value >= distribution.Min && value <= distribution.Max) return value;
        }
        bag.Error(source.Location, source.PathText, string.Create(CultureInfo.InvariantCulture,
            $"cohort.variability.{source.PathText}: no draw in {MaxRedraws} fell inside [{distribution.Min}, {distribution.Max}]; widen the bounds"));
        return distribution.Min;
    }

    private static readonly string[] DistributionKinds = ["lognormal", "normal", "uniform", "loguniform"];

    private static PatientDistribution? ReadDistribution(MapReader variability, YamlMapEntry entry, DiagnosticBag bag)
    {
        string path = variability.PathOf(entry.Name);
        if (entry.Value is not YamlMap map || map.Count != 1)
        {
            bag.Error(entry.Value.Location, path, $"{path} must be one distribution: {{ lognormal: {{ median, sigma }} }}, {{ normal: {{ mean, sd }} }}, {{ uniform: {{ min, max }} }} or {{ loguniform: {{ min, max }} }}");
            return null;
        }
        var reader = variability.Nested(entry.Name, map);
        string kind = map.Entries[0].Name;
        if (!DistributionKinds.Contains(kind, StringComparer.Ordinal))
        {
            bag.Error(map.Entries[0].Key.Location, path, $"{path}: unknown distribution '{kind}'{KeySuggester.DidYouMean(kind, DistributionKinds)}");
            return null;
        }
        if (reader.OptionalMap(kind) is not { } r) return null;
        PatientDistribution? result = null;
        switch (kind)
        {
            case "lognormal":
                result = new LogNormalDistribution(r.Double("median", Rules.Positive), r.Double("sigma", Rules.NonNegative),
                    r.Double("min", Rules.Finite, defaultValue: 0), r.Double("max", defaultValue: double.PositiveInfinity));
                break;
            case "normal":
                result = new NormalDistribution(r.Double("mean", Rules.Finite), r.Double("sd", Rules.NonNegative),
                    r.Double("min", defaultValue: double.NegativeInfinity), r.Double("max", defaultValue: double.PositiveInfinity));
                break;
            case "uniform":
                result = new UniformDistribution(r.Double("min", Rules.Finite), r.Double("max", Rules.Finite));
                break;
            case "loguniform":
                result = new LogUniformDistribution(r.Double("min", Rules.Positive), r.Double("max", Rules.Positive));
                break;
            default:
                return null;
        }
        r.Finish();
        if (!(result.Max > result.Min))
        {
            r.Report("max", string.Create(CultureInfo.InvariantCulture, $"must be > min ({result.Max} <= {result.Min})"));
            return null;
        }
        return r.Bag.HasErrors ? null : result;
    }
}
