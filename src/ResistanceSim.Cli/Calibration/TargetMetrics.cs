using ResistanceSim.Analysis.Descriptive;
using ResistanceSim.Cli.Reporting;
using ResistanceSim.Model.Calibration;
using ResistanceSim.Output.Reading;

namespace ResistanceSim.Cli.Calibration;

/// <summary>
/// A target's metric measured on a finished run directory — from the same readout and assay fits the run reports,
/// so a calibration fits exactly what a user sees. NaN when the run cannot give it (a hazard ratio without events,
/// an IC50 outside the tested range); a NaN metric makes the parameter set's distance infinite.
/// </summary>
public static class TargetMetrics
{
    public static double Measure(CalibrationTarget target, RunFiles files)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Metric switch
        {
            TargetMetric.Ic50 => Ic50(target, files),
            TargetMetric.Log10Cells => Log10Cells(target.At, files),
            TargetMetric.MechanismShare => MechanismShare(target, files),
            _ => TrialMetric(target, files),
        };
    }

    /// <summary>The run's trial readout, arms named as the run stored them in <c>endpoints/</c>.</summary>
    private static TrialResults.Readout Readout(CalibrationTarget target, RunFiles files) =>
        TrialResults.Read(files) ?? throw new InvalidOperationException($"target '{target.Name}': the run has no trial readout");

    private static double TrialMetric(CalibrationTarget target, RunFiles files)
    {
        var arm = Readout(target, files).Arms.Single(a => a.Name == target.Arm);
        return target.Metric switch
        {
            // Not reached: the longest follow-up is a lower bound, and the distance then still points the right way.
            TargetMetric.MedianPfsMonths => (double.IsNaN(arm.MedianPfs.Median) ? arm.Curve.Times.DefaultIfEmpty(0).Max() : arm.MedianPfs.Median) / TrialResults.DaysPerMonth,
            TargetMetric.ObjectiveResponseRate => arm.ObjectiveResponse.Proportion,
            TargetMetric.PfsAtMonths => arm.Curve.SurvivalAt(target.At * TrialResults.DaysPerMonth),
            TargetMetric.HazardRatio => arm.HazardRatio ?? double.NaN,
            _ => throw new ArgumentOutOfRangeException(nameof(target), target.Metric, "not a trial endpoint"),
        };
    }

    /// <summary>Share of the arm's progressing patients whose tumour carried any of the target's mechanisms at progression.</summary>
    private static double MechanismShare(CalibrationTarget target, RunFiles files)
    {
        var summary = RunTableReader.Read(files, "summary");
        int arm = Readout(target, files).Arms.Select(a => a.Name).ToList().IndexOf(target.Arm);
        int progressions = 0, carrying = 0;
        for (int r = 0; r < summary.RowCount; r++)
        {
            if (summary.Long("arm", r) != arm || !summary.Bool("pfs_event", r)) continue;
            progressions++;
            var carried = (summary.String("mechanisms_at_progression", r) ?? "").Split('+', StringSplitOptions.RemoveEmptyEntries);
            if (carried.Any(target.Mechanisms.Contains)) carrying++;
        }
        return progressions == 0 ? double.NaN : (double)carrying / progressions;
    }

    /// <summary>Median over work units of the assay's fitted IC50 at the assay time nearest the target's day.</summary>
    private static double Ic50(CalibrationTarget target, RunFiles files)
    {
        var fits = AssayFits.FitAll(files).Where(f => f.Assay == target.Assay && f.Drug == target.Drug).ToArray();
        if (fits.Length == 0) return double.NaN;
        double day = fits.Select(f => f.Day).MinBy(d => Math.Abs(d - target.At));
        double[] ic50s = [.. fits.Where(f => f.Day == day).Select(f => f.Ic50)];
        return ic50s.Any(double.IsNaN) ? double.NaN : SampleQuantile.Type7(ic50s, 0.5);
    }

    /// <summary>Median over work units of log10 total cells at the sample nearest the day (an extinct culture counts as 0, i.e. 1 cell).</summary>
    private static double Log10Cells(double day, RunFiles files)
    {
        var totals = RunTableReader.Read(files, "totals");
        var nearest = Enumerable.Range(0, totals.RowCount)
            .GroupBy(r => (totals.Long("arm", r), totals.Long("point", r), totals.Long("replicate", r)))
            .Select(g => g.MinBy(r => Math.Abs(totals.Double("time_days", r) - day)))
            .Select(r => Math.Log10(Math.Max(1, totals.Double("total_cells", r))))
            .ToArray();
        return nearest.Length == 0 ? double.NaN : SampleQuantile.Type7(nearest, 0.5);
    }
}
