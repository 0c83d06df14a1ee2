using System.Globalization;
using ResistanceSim.Model;
using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Keys;
using ResistanceSim.Scenarios.Yaml;

namespace ResistanceSim.Scenarios.Sweeps;

/// <summary>
/// Reads the <c>sweep:</c> section (docs/sweeps.md), exactly one of
/// <code>
/// sweep:
///   grid: { population.b0_per_day: [0.5, 0.6], protocol[0].drugs.crizotinib.concentration_nM: [100, 300] }
///   list: [ { population.b0_per_day: 0.5, population.d0_per_day: 0.1 }, … ]
///   latin_hypercube: { samples: 50, seed: 7, parameters: { population.b0_per_day: { min: 0.4, max: 0.8, scale: linear } } }
/// </code>
/// Every problem is reported located, like any other scenario error. Whether a path exists is checked
/// later, when the points are patched into the document.
/// </summary>
public static class SweepReader
{
    public const string Key = "sweep";

    /// <summary>Most points a sweep may have: point indices are 32-bit and each point is bound once up front.</summary>
    public const int MaxPoints = 1_000_000;

    private static readonly string[] Kinds = ["grid", "list", "latin_hypercube"];

    public static SweepDefinition Read(YamlMap document, ulong scenarioSeed, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(bag);
        var root = new MapReader(document, "", bag, ScenarioKeys.Document);
        var sweep = root.OptionalMap(Key);
        if (sweep is null) return SweepDefinition.None;
        var present = Kinds.Where(sweep.Has).ToArray();
        SweepDefinition? definition = null;
        if (present.Length != 1)
        {
            string found = present.Length == 0 ? "none" : string.Join(", ", present);
            bag.Error(sweep.Location, Key, $"sweep must have exactly one of grid, list or latin_hypercube ({found} supplied)");
        }
        else
        {
            definition = present[0] switch
            {
                "grid" => ReadGrid(sweep, bag),
                "list" => ReadList(sweep, bag),
                _ => ReadLatinHypercube(sweep, scenarioSeed, bag),
            };
        }
        sweep.Finish();
        return definition ?? SweepDefinition.None;
    }

    private static SweepDefinition? ReadGrid(MapReader sweep, DiagnosticBag bag)
    {
        if (sweep.OptionalMap("grid") is not { } grid) return null;
        var parameters = new List<SweepParameterSource>();
        var values = new List<IReadOnlyList<YamlScalar>>();
        foreach (var entry in grid.Source.Entries)
        {
            grid.Accept(entry.Name);
            if (ReadParameter(entry, "sweep.grid", bag) is not { } parameter) continue;
            var scalars = ScalarList(entry.Value, grid.PathOf(entry.Name), bag);
            if (scalars.Count == 0) continue;
            parameters.Add(parameter);
            values.Add(scalars);
        }
        if (!CheckParameters(parameters, grid.Location, "sweep.grid", bag)) return null;
        long count = values.Aggregate(1L, (n, v) => n * v.Count);
        if (!CheckPointCount(count, grid.Location, "sweep.grid", bag)) return null;

        // Cartesian product, last parameter fastest (like nested loops written in order).
        var points = new List<SweepPointSource>((int)count);
        var digits = new int[parameters.Count];
        for (long i = 0; i < count; i++)
        {
            points.Add(new SweepPointSource(
                digits.Select((d, p) => values[p][d].Text).ToArray(),
                digits.Select((d, p) => values[p][d].Location).ToArray()));
            for (int p = parameters.Count - 1; p >= 0 && ++digits[p] == values[p].Count; p--) digits[p] = 0;
        }
        return new SweepDefinition(SweepKind.Grid, parameters, points);
    }

    private static SweepDefinition? ReadList(MapReader sweep, DiagnosticBag bag)
    {
        var items = sweep.SeqOfMaps("list");
        if (items.Count == 0)
        {
            bag.Error(sweep.LocationOf("list"), "sweep.list", "sweep.list must list at least one point");
            return null;
        }
        var parameters = new List<SweepParameterSource>();
        foreach (var entry in items[0].Source.Entries)
            if (ReadParameter(entry, items[0].Path, bag) is { } parameter) parameters.Add(parameter);
        if (!CheckParameters(parameters, items[0].Location, items[0].Path, bag)) return null;
        if (!CheckPointCount(items.Count, sweep.LocationOf("list"), "sweep.list", bag)) return null;

        var names = parameters.Select(p => p.PathText).ToArray();
        var points = new List<SweepPointSource>(items.Count);
        foreach (var item in items)
        {
            var texts = new string[names.Length];
            var locations = new SourceLocation[names.Length];
            for (int p = 0; p < names.Length; p++)
            {
                if (item.Node(names[p]) is not { } node)
                {
                    bag.Error(item.Location, item.Path, $"{item.Path}: missing '{names[p]}' (every point of a list sets the same parameters as the first)");
                    continue;
                }
                if (AsScalar(node, item.PathOf(names[p]), bag) is { } scalar)
                {
                    texts[p] = scalar.Text;
                    locations[p] = scalar.Location;
                }
            }
            foreach (var extra in item.Source.Entries.Where(e => !names.Contains(e.Name, StringComparer.Ordinal)))
                bag.Error(extra.Key.Location, item.PathOf(extra.Name),
                    $"{item.Path} sets '{extra.Name}', which the first point does not (every point of a list sets the same parameters)");
            points.Add(new SweepPointSource(texts, locations));
        }
        return bag.HasErrors ? null : new SweepDefinition(SweepKind.List, parameters, points);
    }

    private static SweepDefinition? ReadLatinHypercube(MapReader sweep, ulong scenarioSeed, DiagnosticBag bag)
    {
        if (sweep.OptionalMap("latin_hypercube") is not { } lhs) return null;
        int samples = lhs.Int("samples", Rules.InRange(1, MaxPoints));
        ulong seed = (ulong)lhs.Long("seed", Rules.NonNegative, defaultValue: (long)(scenarioSeed & long.MaxValue));
        var ranges = lhs.Map("parameters");
        lhs.Finish();

        var parameters = new List<SweepParameterSource>();
        var bounds = new List<(double Low, double High, bool Log, SourceLocation At)>();
        foreach (var entry in ranges.Source.Entries)
        {
            ranges.Accept(entry.Name);
            if (ReadParameter(entry, ranges.Path, bag) is not { } parameter) continue;
            if (entry.Value is not YamlMap rangeMap)
            {
                bag.Error(entry.Value.Location, ranges.PathOf(entry.Name), $"{ranges.PathOf(entry.Name)} must be a range {{ min: …, max: …, scale: linear|log }}");
                continue;
            }
            var range = ranges.Nested(entry.Name, rangeMap);
            double low = range.Double("min", Rules.Finite);
            double high = range.Double("max", Rules.Finite);
            bool log = range.Enum("scale", ["linear", "log"], "linear") == "log";
            if (high <= low) range.Report("max", string.Create(CultureInfo.InvariantCulture, $"must be > min ({high} <= {low})"));
            if (log && low <= 0) range.Report("min", string.Create(CultureInfo.InvariantCulture, $"must be > 0 on a log scale ({low} supplied)"));
            range.Finish();
            parameters.Add(parameter);
            bounds.Add((low, high, log, rangeMap.Location));
        }
        if (!CheckParameters(parameters, ranges.Location, ranges.Path, bag) || bag.HasErrors) return null;

        var unit = LatinHypercubeSampler.Sample(samples, parameters.Count, seed);
        var points = unit.Select(u => new SweepPointSource(
            u.Select((x, p) => Scale(x, bounds[p].Low, bounds[p].High, bounds[p].Log).ToString("R", CultureInfo.InvariantCulture)).ToArray(),
            bounds.Select(b => b.At).ToArray())).ToArray();
        return new SweepDefinition(SweepKind.LatinHypercube, parameters, points);
    }

    private static double Scale(double unit, double low, double high, bool log) =>
        log ? Math.Exp(Math.Log(low) + unit * (Math.Log(high) - Math.Log(low))) : low + unit * (high - low);

    /// <param name="allowVariability">A calibration may set a patient distribution's parameters (patched before the
    /// patients are drawn); a sweep may not (its points are patched after).</param>
    internal static SweepParameterSource? ReadParameter(YamlMapEntry entry, string parent, DiagnosticBag bag, bool allowVariability = false)
    {
        if (YamlPath.TryParse(entry.Name, out var path, out string? error))
        {
            bool cohortSize = path.Segments[0].Key == "cohort" && path.Segments.Count > 1
                && (path.Segments[1].Key == "patients" || (path.Segments[1].Key == CohortVariabilityReader.Key && !allowVariability));
            if (path.Segments[0].Key is SweepReader.Key or "include" or "name" or "arms" || cohortSize)
            {
                bag.Error(entry.Key.Location, ScenarioPathText.Key(parent, entry.Name), $"{ScenarioPathText.Key(parent, entry.Name)}: '{path.Segments[0].Key}' cannot be swept");
                return null;
            }
            return new SweepParameterSource(entry.Name, path, entry.Key.Location);
        }
        bag.Error(entry.Key.Location, ScenarioPathText.Key(parent, entry.Name), $"{parent}: {error}");
        return null;
    }

    private static bool CheckParameters(List<SweepParameterSource> parameters, SourceLocation at, string path, DiagnosticBag bag)
    {
        if (parameters.Count == 0)
        {
            bag.Error(at, path, $"{path} must name at least one parameter");
            return false;
        }
        bool ok = true;
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            string column = SweepColumnNames.ForPath(parameter.PathText);
            if (seen.TryAdd(column, parameter.PathText)) continue;
            bag.Error(parameter.Location, path, $"{path}: '{parameter.PathText}' and '{seen[column]}' would share the output column '{column}'");
            ok = false;
        }
        return ok;
    }

    private static bool CheckPointCount(long count, SourceLocation at, string path, DiagnosticBag bag)
    {
        if (count <= MaxPoints) return true;
        bag.Error(at, path, string.Create(CultureInfo.InvariantCulture, $"{path} has {count} points; at most {MaxPoints} are allowed (split the sweep or use latin_hypercube)"));
        return false;
    }

    private static List<YamlScalar> ScalarList(YamlNodeBase node, string path, DiagnosticBag bag)
    {
        var scalars = new List<YamlScalar>();
        if (node is not YamlSeq seq || seq.Count == 0)
        {
            bag.Error(node.Location, path, $"{path} must be a non-empty list of values, e.g. [0.1, 0.2]");
            return scalars;
        }
        for (int i = 0; i < seq.Count; i++)
            if (AsScalar(seq[i], ScenarioPathText.Index(path, i), bag) is { } scalar) scalars.Add(scalar);
        return scalars.Count == seq.Count ? scalars : [];
    }

    private static YamlScalar? AsScalar(YamlNodeBase node, string path, DiagnosticBag bag)
    {
        if (node is YamlScalar { IsNull: false } scalar) return scalar;
        bag.Error(node.Location, path, $"{path} must be a single value, not {node.KindDescription}");
        return null;
    }
}
