using System.Globalization;
using ResistanceSim.Model;
using ResistanceSim.Scenarios.Binding;
using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Yaml;

namespace ResistanceSim.Scenarios.Sweeps;

/// <summary>
/// A scenario file that may contain a <c>sweep:</c>: the scenario without the sweep, the sweep's points,
/// and each point's scenario (the document with the point's values patched in, then bound like any file).
/// </summary>
public sealed class LoadedSweep
{
    private readonly YamlMap _baseDocument;

    internal LoadedSweep(LoadedDocument document, YamlMap baseDocument, Scenario scenario, SweepDefinition sweep)
    {
        Document = document;
        _baseDocument = baseDocument;
        Scenario = scenario;
        Definition = sweep;
    }

    /// <summary>The file as loaded (resolved YAML and hash include the sweep).</summary>
    public LoadedDocument Document { get; }

    /// <summary>The scenario with nothing swept (point values not applied).</summary>
    public Scenario Scenario { get; }

    public SweepDefinition Definition { get; }

    public Sweep Sweep => Definition.Model;

    /// <summary>Point <paramref name="index"/>'s scenario. Every point was validated on loading, so this does not fail.</summary>
    public Scenario ScenarioForPoint(int index)
    {
        if (Definition.Kind == SweepKind.None) return Scenario;
        var bag = new DiagnosticBag();
        var scenario = ScenarioBinder.Bind(Definition.Patch(_baseDocument, index, bag), bag);
        bag.ThrowIfErrors();
        return scenario;
    }
}

/// <summary>
/// Loads a scenario with its sweep and validates every point before anything runs: path errors (with the
/// nearest key suggested) and values the binder rejects are reported at the sweep entry that wrote them,
/// each distinct problem once, all together.
/// </summary>
public static class SweepLoader
{
    public static LoadedSweep Load(string path)
    {
        var bag = new DiagnosticBag();
        var options = Directory.Exists(Path.Combine(ScenarioLoader.BundledIncludeRoot, "presets")) ? LoadOptions.WithPresets(ScenarioLoader.BundledIncludeRoot) : LoadOptions.Default;
        return FromDocument(ScenarioDocumentLoader.Load(path, options, bag), bag);
    }

    /// <summary>Reads the sweep of an already loaded document and validates every point; throws <see cref="ScenarioValidationException"/> with all problems.</summary>
    public static LoadedSweep FromDocument(LoadedDocument document, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(bag);
        bag.ThrowIfErrors();
        var baseDocument = document.Root.Without(SweepReader.Key);
        var scenario = ScenarioBinder.Bind(baseDocument, bag);
        var sweep = SweepReader.Read(document.Root, scenario.Seed, bag);
        bag.ThrowIfErrors();
        if (sweep.Kind != SweepKind.None) ValidatePoints(baseDocument, scenario, sweep, bag);
        bag.ThrowIfErrors();
        return new LoadedSweep(document, baseDocument, scenario, sweep);
    }

    private static void ValidatePoints(YamlMap baseDocument, Scenario scenario, SweepDefinition sweep, DiagnosticBag bag)
    {
        var reported = new HashSet<(string, string)>();   // (path, message): the same mistake in many points is reported once
        for (int i = 0; i < sweep.Points.Count; i++)
        {
            var pointBag = new DiagnosticBag();
            var patched = sweep.Patch(baseDocument, i, pointBag);
            var bound = pointBag.HasErrors ? null : ScenarioBinder.Bind(patched, pointBag);
            foreach (var problem in pointBag.InRecordedOrder)
                if (reported.Add((problem.Path, problem.Message))) bag.Add(problem with { Message = Prefix(sweep, i) + problem.Message });
            if (bound is not null && !pointBag.HasErrors && !SameShape(scenario, bound))
                bag.Error(sweep.Parameters[0].Location, SweepReader.Key,
                    Prefix(sweep, i) + "a sweep may change parameter values, not which mechanisms or drugs a scenario has (the output columns depend on them)");
            if (reported.Count > 50) return;   // enough to fix; the rest are usually the same mistake
        }
    }

    private static string Prefix(SweepDefinition sweep, int point) => string.Create(CultureInfo.InvariantCulture,
        $"sweep point {point} ({string.Join(", ", sweep.Parameters.Select((p, j) => $"{p.PathText}={sweep.Points[point].Values[j]}"))}): ");

    private static bool SameShape(Scenario a, Scenario b) =>
        a.Catalog.All.Select(m => m.Name).SequenceEqual(b.Catalog.All.Select(m => m.Name), StringComparer.Ordinal)
        && a.DrugList.Select(d => d.Name).SequenceEqual(b.DrugList.Select(d => d.Name), StringComparer.Ordinal);
}
