using System.Globalization;
using ResistanceSim.Analysis.Survival;
using ResistanceSim.Model;
using ResistanceSim.Output.Tables;

namespace ResistanceSim.Runs.Reporting;

/// <summary>
/// The short table printed after a run, built from the <c>summary/</c> rows as they are published (so a
/// resumed run's summary covers the units of earlier runs too). Without a sweep: one line per work unit.
/// With a sweep: one line per point — replicates, P(progressed), P(extinct) and the Kaplan–Meier median
/// time to progression (runs that did not progress are censored at their end). Only the first
/// <see cref="RowsShown"/> units or points are kept, so memory does not grow with the sweep.
/// </summary>
internal sealed class RunSummaryPrinter(Sweep sweep)
{
    private const int RowsShown = 20;

    private readonly List<string[]> _unitRows = [];
    private readonly SortedDictionary<int, List<(string Outcome, double ProgressionDay, double EndDay)>> _points = [];
    private int _unitsSeen;
    private int _pointsNotShown;
    private int _lastPointNotShown = -1;

    private bool IsSweep => sweep.Kind != SweepKind.None;

    /// <summary>Sees every published batch; only <c>summary/</c> rows are used.</summary>
    public void Observe(IRunTable table, TableBatch batch)
    {
        if (table is not SummaryTable) return;
        int point = Column(batch, "point"), replicate = Column(batch, "replicate"), outcome = Column(batch, "outcome");
        int progression = Column(batch, "progression_day"), end = Column(batch, "end_day");
        int final = Column(batch, "final_cells"), dominant = Column(batch, "dominant_mechanism");
        for (int r = 0; r < batch.RowCount; r++)
        {
            _unitsSeen++;
            double progressionDay = batch.Valid(progression)[r] ? batch.Double(progression)[r] : double.NaN;
            if (IsSweep)
            {
                int p = batch.Int32(point)[r];
                if (!_points.TryGetValue(p, out var runs))
                {
                    if (_points.Count >= RowsShown)
                    {
                        if (p != _lastPointNotShown) _pointsNotShown++;   // rows arrive point by point
                        _lastPointNotShown = p;
                        continue;
                    }
                    _points[p] = runs = [];
                }
                runs.Add((batch.String(outcome)[r], progressionDay, batch.Double(end)[r]));
            }
            else if (_unitRows.Count < RowsShown)
            {
                _unitRows.Add([
                    batch.Int32(replicate)[r].ToString(CultureInfo.InvariantCulture),
                    batch.String(outcome)[r],
                    batch.Int64(final)[r].ToString("0.###e+0", CultureInfo.InvariantCulture),
                    double.IsNaN(progressionDay) ? "-" : progressionDay.ToString("0.#", CultureInfo.InvariantCulture),
                    batch.String(dominant)[r]]);
            }
        }
    }

    public void Write(TextWriter output)
    {
        output.WriteLine();
        if (IsSweep) WritePoints(output);
        else WriteUnits(output);
        output.WriteLine();
    }

    private void WriteUnits(TextWriter output)
    {
        output.WriteLine($"{"replicate",9}  {"outcome",-10}  {"final cells",12}  {"progression day",15}  dominant mechanism");
        foreach (var row in _unitRows) output.WriteLine($"{row[0],9}  {row[1],-10}  {row[2],12}  {row[3],15}  {row[4]}");
        if (_unitsSeen > _unitRows.Count) output.WriteLine($"… {_unitsSeen - _unitRows.Count} more in summary/");
    }

    private void WritePoints(TextWriter output)
    {
        var headers = new List<string> { "point" };
        headers.AddRange(sweep.Parameters.Select(p => p.Path));
        headers.AddRange(["n", "P(progressed)", "P(extinct)", "median days to progression"]);
        var rows = _points.Select(entry =>
        {
            var runs = entry.Value;
            var row = new List<string> { entry.Key.ToString(CultureInfo.InvariantCulture) };
            row.AddRange(sweep.Points[entry.Key].Values);
            row.Add(runs.Count.ToString(CultureInfo.InvariantCulture));
            row.Add(Share(runs, "progressed"));
            row.Add(Share(runs, "extinct"));
            row.Add(MedianProgression(runs));
            return row;
        }).ToList();
        var widths = headers.Select((h, c) => rows.Select(r => r[c].Length).Append(h.Length).Max()).ToArray();
        output.WriteLine(string.Join("  ", headers.Select((h, c) => h.PadLeft(widths[c]))));
        foreach (var row in rows) output.WriteLine(string.Join("  ", row.Select((v, c) => v.PadLeft(widths[c]))));
        if (_pointsNotShown > 0)
            output.WriteLine($"… {_pointsNotShown.ToString(CultureInfo.InvariantCulture)} more points in summary/ (docs/sweeps.md shows the query)");
    }

    private static string Share(List<(string Outcome, double ProgressionDay, double EndDay)> runs, string outcome) =>
        ((double)runs.Count(r => r.Outcome == outcome) / runs.Count).ToString("0.00", CultureInfo.InvariantCulture);

    private static string MedianProgression(List<(string Outcome, double ProgressionDay, double EndDay)> runs)
    {
        var observations = runs.Select(r => double.IsNaN(r.ProgressionDay)
            ? new SurvivalObservation(r.EndDay, false)
            : new SurvivalObservation(r.ProgressionDay, true)).ToArray();
        double median = KaplanMeierEstimator.Estimate(observations).Median.Median;
        return double.IsFinite(median) ? median.ToString("0.#", CultureInfo.InvariantCulture) : "not reached";
    }

    private static int Column(TableBatch batch, string name)
    {
        for (int c = 0; c < batch.Columns.Count; c++)
            if (batch.Columns[c].Name == name) return c;
        throw new InvalidOperationException($"summary has no column '{name}'");
    }
}
