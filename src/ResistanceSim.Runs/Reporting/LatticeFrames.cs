using System.Globalization;
using ResistanceSim.Model;
using ResistanceSim.Output.Reading;
using ResistanceSim.Plotting.Raster;

namespace ResistanceSim.Runs.Reporting;

/// <summary>
/// The agent engine's lattice frames: one PNG per snapshot of the <c>cells/</c> table (arm 0, point 0, the given
/// replicate), drawn by <see cref="LatticeFrame"/>. A 3D lattice is shown by its middle layer (z = size/2).
/// </summary>
public static class LatticeFrames
{
    private const string FilePrefix = "lattice-day-";

    /// <summary>
    /// The frame files a run directory's <c>plots/</c> holds, in day order, each with its label ("day 20"); empty for a run
    /// without snapshots.
    /// </summary>
    public static IReadOnlyList<(string File, string Label)> Written(string runDirectory)
    {
        string plots = Path.Combine(runDirectory, RunReport.PlotsFolder);
        if (!Directory.Exists(plots)) return [];
        return [.. Directory.EnumerateFiles(plots, FilePrefix + "*.png")
            .Select(path => Path.GetFileName(path))
            .Select(file => (File: file, Day: file[FilePrefix.Length..^".png".Length]))
            .Where(f => double.TryParse(f.Day, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            .OrderBy(f => double.Parse(f.Day, CultureInfo.InvariantCulture))
            .Select(f => (f.File, Label(f.Day)))];
    }

    /// <summary>
    /// The frames of <paramref name="replicate"/> (arm 0, point 0) from the run's <c>cells/</c> table, drawn in
    /// parallel; none when the run has no lattice or no snapshots. Only that replicate's rows are read.
    /// </summary>
    internal static IReadOnlyList<(string File, string Label, byte[] Png)> From(Scenario scenario, RunFiles files, int replicate)
    {
        if (scenario.Space is not { } lattice || !RunTableReader.Exists(files, "cells")) return [];
        var cells = RunTableReader.Read(files, "cells", [("arm", 0), ("point", 0), ("replicate", replicate)]);
        int width = lattice.Size[0], height = lattice.Size[1];
        int layer = lattice.Dims == 3 ? lattice.Size[2] / 2 : 0;
        var snapshots = Enumerable.Range(0, cells.RowCount)
            .Where(r => cells.Long("z", r) == layer)
            .GroupBy(r => cells.Double("time_days", r))
            .OrderBy(g => g.Key)
            .Select(g => (Day: g.Key.ToString("0.###", CultureInfo.InvariantCulture), Cells: g.Select(r => new FrameCell((int)cells.Long("x", r), (int)cells.Long("y", r), cells.Bool("resistant", r))).ToArray()))
            .ToArray();
        // Each frame is independent (SkiaSharp objects are per call), so they are drawn side by side, kept in day order.
        return [.. snapshots.AsParallel().AsOrdered()
            .Select(s => ($"{FilePrefix}{s.Day}.png", Label(s.Day), LatticeFrame.Png(width, height, s.Cells)))];
    }

    private static string Label(string day) => $"day {day}";
}
