using ResistanceSim.Model;
using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Yaml;

namespace ResistanceSim.Scenarios.Sweeps;

/// <summary>
/// A <c>sweep:</c> section read and expanded: the parameters with their paths and locations, and every
/// point's values with the locations to blame for them. <see cref="Model"/> is the file-free description
/// that output tables use.
/// </summary>
public sealed class SweepDefinition
{
    public SweepDefinition(SweepKind kind, IReadOnlyList<SweepParameterSource> parameters, IReadOnlyList<SweepPointSource> points)
    {
        Kind = kind;
        Parameters = parameters;
        Points = points;
        Model = BuildModel();
    }

    /// <summary>No sweep: one point with nothing patched.</summary>
    public static SweepDefinition None { get; } = new(SweepKind.None, [], [new SweepPointSource([], [])]);

    public SweepKind Kind { get; }

    public IReadOnlyList<SweepParameterSource> Parameters { get; }

    public IReadOnlyList<SweepPointSource> Points { get; }

    public Sweep Model { get; }

    /// <summary>The base document with point <paramref name="index"/>'s values written in (errors located at the sweep).</summary>
    public YamlMap Patch(YamlMap baseDocument, int index, DiagnosticBag bag)
    {
        var point = Points[index];
        var document = baseDocument;
        for (int p = 0; p < Parameters.Count; p++)
            document = document.WithValue(Parameters[p].Path, point.Values[p], point.Locations[p], bag, createMissingKey: true);
        return document;
    }

    private Sweep BuildModel()
    {
        if (Kind == SweepKind.None) return Sweep.None;
        var numeric = new bool[Parameters.Count];
        for (int p = 0; p < Parameters.Count; p++)
            numeric[p] = Points.All(point => CoreSchema.TryParseDouble(point.Values[p], out _));
        var parameters = Parameters.Select((s, p) => new SweepParameter(s.PathText, SweepColumnNames.ForPath(s.PathText), numeric[p])).ToArray();
        var points = Points.Select((point, i) => new SweepPoint(i, point.Values,
            point.Values.Select((v, p) => numeric[p] && CoreSchema.TryParseDouble(v, out double x) ? x : double.NaN).ToArray())).ToArray();
        return new Sweep(Kind, parameters, points);
    }
}
