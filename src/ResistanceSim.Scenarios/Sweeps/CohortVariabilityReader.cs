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
        double value = distribution.DrawTruncated(ref stream, out var drawnFrom);
        if (!double.IsNaN(value)) return value;
        bag.Error(source.Location, source.PathText, string.Create(CultureInfo.InvariantCulture,
            $"cohort.variability.{source.PathText}: no draw in {PatientDistribution.MaxRedraws} fell inside [{drawnFrom.Min}, {drawnFrom.Max}]; widen the bounds"));
        return drawnFrom.Min;
    }

    private const string MixtureKey = "mixture";
    private static readonly string[] ParametricKinds = ["lognormal", "normal", "uniform", "loguniform"];
    private static readonly string[] DistributionKinds = [.. ParametricKinds, MixtureKey];
    private const string WeightKey = "weight";

    private static PatientDistribution? ReadDistribution(MapReader variability, YamlMapEntry entry, DiagnosticBag bag)
    {
        string path = variability.PathOf(entry.Name);
        if (entry.Value is not YamlMap map || map.Count != 1)
        {
            bag.Error(entry.Value.Location, path, $"{path} must be one distribution: {{ lognormal: {{ median, sigma }} }}, {{ normal: {{ mean, sd }} }}, {{ uniform: {{ min, max }} }}, {{ loguniform: {{ min, max }} }} or {{ mixture: {{ <name>: {{ weight, <distribution> }}, … }} }}");
            return null;
        }
        var reader = variability.Nested(entry.Name, map);
        var kind = map.Entries[0];
        if (!DistributionKinds.Contains(kind.Name, StringComparer.Ordinal))
        {
            bag.Error(kind.Key.Location, path, $"{path}: unknown distribution '{kind.Name}'{KeySuggester.DidYouMean(kind.Name, DistributionKinds)}");
            return null;
        }
        return kind.Name == MixtureKey ? ReadMixture(reader) : ReadParametric(reader, kind.Name);
    }

    /// <summary>
    /// <c>mixture: { not_alk_driven: { weight: 0.1, uniform: {…} }, alk_driven: { lognormal: {…} } }</c>: at least two named
    /// components, each one parametric distribution and its weight; one component may leave its weight out and takes what
    /// the others leave of 1. Components are named rather than listed so that a preset included later can change one
    /// component's value (maps merge, lists do not), and a calibration can fit it by its path.
    /// </summary>
    private static MixtureDistribution? ReadMixture(MapReader distribution)
    {
        var items = distribution.MapOfMaps(MixtureKey, required: false);   // present: it is the key read
        distribution.Finish();
        if (items.Count < 2)
        {
            distribution.Report(MixtureKey, $"needs at least two components ({items.Count} given); a single distribution is written without mixture");
            return null;
        }
        var components = new List<WeightedComponent>();
        foreach (var (_, _, item) in items)
        {
            double? weight = item.OptionalDouble(WeightKey, Rules.InRange(0, 1, lowInclusive: false));
            item.Finish();
            var kinds = item.Source.Entries.Where(e => ParametricKinds.Contains(e.Name, StringComparer.Ordinal)).ToList();
            ParametricDistribution? component = null;
            if (kinds.Count != 1)
                item.Bag.Error(item.Location, item.Path,
                    $"{item.Path} must hold exactly one distribution ({string.Join(", ", ParametricKinds)}) beside its weight ({kinds.Count} given)");
            else
                component = ReadParametric(item, kinds[0].Name);
            components.Add(new WeightedComponent(weight, component, item));
        }
        if (components.Any(c => c.Distribution is null) || distribution.Bag.HasErrors) return null;
        return Weighted(distribution, components);
    }

    private sealed record WeightedComponent(double? Weight, ParametricDistribution? Distribution, MapReader Reader);

    /// <summary>The components with their weights, the one left out taking the rest; null after reporting weights that do not make 1.</summary>
    private static MixtureDistribution? Weighted(MapReader distribution, List<WeightedComponent> components)
    {
        var unweighted = components.Where(c => c.Weight is null).ToList();
        double given = components.Sum(c => c.Weight ?? 0);
        if (unweighted.Count > 1)
        {
            var second = unweighted[1].Reader;
            second.Bag.Error(second.Location, second.Path,
                $"{second.Path} has no weight, and neither has {unweighted[0].Reader.Path}: only one component may take the rest");
            return null;
        }
        const double slack = 1e-9;
        string sum = given.ToString("R", CultureInfo.InvariantCulture);
        if (unweighted.Count == 0 && Math.Abs(given - 1) > slack)
        {
            distribution.Report(MixtureKey, $"weights must sum to 1 ({sum} given); or leave one component's weight out to take the rest");
            return null;
        }
        if (unweighted.Count == 1 && !(given < 1 - slack))
        {
            distribution.Report(MixtureKey, $"weights of the weighted components must leave a share for the one without ({sum} given)");
            return null;
        }
        return new MixtureDistribution([.. components.Select(c => new MixtureComponent(c.Weight ?? 1 - given, c.Distribution!))]);
    }

    /// <summary>One parametric distribution, the value of <paramref name="kind"/> (one of <see cref="ParametricKinds"/>) in <paramref name="owner"/>.</summary>
    private static ParametricDistribution? ReadParametric(MapReader owner, string kind)
    {
        if (owner.OptionalMap(kind) is not { } r) return null;
        ParametricDistribution result = kind switch
        {
            "lognormal" => new LogNormalDistribution(r.Double("median", Rules.Positive), r.Double("sigma", Rules.NonNegative),
                r.Double("min", Rules.Finite, defaultValue: 0), r.Double("max", defaultValue: double.PositiveInfinity)),
            "normal" => new NormalDistribution(r.Double("mean", Rules.Finite), r.Double("sd", Rules.NonNegative),
                r.Double("min", defaultValue: double.NegativeInfinity), r.Double("max", defaultValue: double.PositiveInfinity)),
            "uniform" => new UniformDistribution(r.Double("min", Rules.Finite), r.Double("max", Rules.Finite)),
            "loguniform" => new LogUniformDistribution(r.Double("min", Rules.Positive), r.Double("max", Rules.Positive)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a parametric distribution"),
        };
        r.Finish();
        if (!(result.Max > result.Min))
        {
            r.Report("max", string.Create(CultureInfo.InvariantCulture, $"must be > min ({result.Max} <= {result.Min})"));
            return null;
        }
        return r.Bag.HasErrors ? null : result;
    }
}
