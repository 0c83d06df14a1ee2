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

    internal static IReadOnlyList<(string File, string Label, byte[] Png)> From(Scenario scenario, TableData cells, int replicate)
    {
        if (scenario.Space is not { } lattice) return [];
        int width = lattice.Size[0], height = lattice.Size[1];
        int layer = lattice.Dims == 3 ? lattice.Size[2] / 2 : 0;
        var rows = Enumerable.Range(0, cells.RowCount)
            .Where(r => cells.Long("arm", r) == 0 && cells.Long("point", r) == 0 && cells.Long("replicate", r) == replicate && cells.Long("z", r) == layer);
        var frames = new List<(string, string, byte[])>();
        foreach (var snapshot in rows.GroupBy(r => cells.Double("time_days", r)).OrderBy(g => g.Key))
        {
            string day = snapshot.Key.ToString("0.###", CultureInfo.InvariantCulture);
            var frameCells = snapshot.Select(r => new FrameCell((int)cells.Long("x", r), (int)cells.Long("y", r), cells.Bool("resistant", r)));
            frames.Add(($"{FilePrefix}{day}.png", Label(day), LatticeFrame.Png(width, height, frameCells)));
        }
        return frames;
    }

    private static string Label(string day) => $"day {day}";
}
