using ResistanceSim.Model;
using ResistanceSim.Output.Reading;
using ResistanceSim.Plotting.Charts;

namespace ResistanceSim.Runs.Reporting;

/// <summary>
/// Sweep charts from <c>summary</c>: the share of replicates that progressed at each point — a line
/// over a one-parameter sweep, a heatmap over a two-parameter grid.
/// </summary>
internal static class SweepCharts
{
    public const string Statistic = "P(progressed)";

    public static (string File, string Caption, string Svg)? From(Scenario scenario, Sweep sweep, TableData summary)
    {
        if (sweep.Kind == SweepKind.None || sweep.Parameters.Count is 0 or > 2) return null;
        var progressed = new double[sweep.PointCount];
        var total = new double[sweep.PointCount];
        for (int r = 0; r < summary.RowCount; r++)
        {
            int point = (int)summary.Long("point", r);
            total[point]++;
            if (summary.String("outcome", r) == "progressed") progressed[point]++;
        }
        double Share(int point) => total[point] > 0 ? progressed[point] / total[point] : double.NaN;

        if (sweep.Parameters.Count == 1 && sweep.Parameters[0].IsNumeric)
        {
            double[] x = [.. sweep.Points.Select(p => p.Numbers[0])];
            double[] y = [.. sweep.Points.Select(p => Share(p.Index))];
            bool logX = x.All(v => v > 0) && x.Max() / x.Min() >= 100;
            var input = new SweepLineInput($"{scenario.Name}: {Statistic} across the sweep", sweep.Parameters[0].Path, Statistic,
                [new SweepSeries(Statistic, x, y)]) { LogX = logX };
            return ("sweep.svg", $"Share of replicates that progressed at each value of {sweep.Parameters[0].Path}.", SweepLineChart.Render(input));
        }
        if (sweep.Parameters.Count == 2 && sweep.Kind == SweepKind.Grid)
        {
            string[] xs = [.. sweep.Points.Select(p => p.Values[0]).Distinct()];
            string[] ys = [.. sweep.Points.Select(p => p.Values[1]).Distinct()];
            var values = ys.Select(_ => Enumerable.Repeat(double.NaN, xs.Length).ToArray()).ToArray();
            foreach (var p in sweep.Points) values[Array.IndexOf(ys, p.Values[1])][Array.IndexOf(xs, p.Values[0])] = Share(p.Index);
            var input = new HeatmapInput($"{scenario.Name}: {Statistic}", sweep.Parameters[0].Path, xs, sweep.Parameters[1].Path, ys, values, Statistic)
            {
                AnnotateCells = xs.Length * ys.Length <= 64,
                ColorMin = 0,
                ColorMax = 1,
            };
            return ("sweep-heatmap.svg", $"Share of replicates that progressed over the {sweep.Parameters[0].Path} × {sweep.Parameters[1].Path} grid.", HeatmapChart.Render(input));
        }
        return null;
    }
}
