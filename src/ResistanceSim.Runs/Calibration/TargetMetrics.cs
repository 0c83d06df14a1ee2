using ResistanceSim.Analysis;
using ResistanceSim.Analysis.Descriptive;
using ResistanceSim.Analysis.Proportions;
using ResistanceSim.Analysis.Survival;
using ResistanceSim.Analysis.Trials;
using ResistanceSim.Runs.Reporting;
using ResistanceSim.Model.Calibration;
using ResistanceSim.Output.Reading;

namespace ResistanceSim.Runs.Calibration;

/// <summary>
/// Targets' metrics measured on one finished run directory — from the same readout and assay fits the run reports,
/// so a calibration fits exactly what a user sees. Each table is read once, however many targets use it. A metric the
/// run cannot give (a hazard ratio without events, an IC50 outside the tested range) is NaN, and a NaN metric makes
/// the parameter set's distance infinite.
/// </summary>
internal sealed class TargetMetrics(RunFiles files)
{
    private TrialResults.Readout? _readout;
    private TableData? _summary;
    private TableData? _totals;
    private IReadOnlyList<AssayFits.Fit>? _fits;

    public TargetEstimate Measure(CalibrationTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Metric switch
        {
            TargetMetric.Ic50 => Ic50(target),
            TargetMetric.Log10Cells => Log10Cells(target.At),
            TargetMetric.MechanismShare => MechanismShare(target),
            TargetMetric.SanctuaryProgressionShare => ShareOfPatients(target, "progression_in_sanctuary", (summary, column, r) => summary.Bool(column, r)),
            TargetMetric.SanctuaryAtBaselineShare => ShareOfPatients(target, "sanctuary_at_baseline_mm", (summary, column, r) => summary.Double(column, r) > 0),
            _ => TrialMetric(target),
        };
    }

    /// <summary>The run's trial readout, arms named as the run stored them in <c>endpoints/</c>.</summary>
    private TrialResults.Readout Readout(CalibrationTarget target) =>
        _readout ??= TrialResults.Read(files) ?? throw new InvalidOperationException($"target '{target.Name}': the run has no trial readout");

    private TargetEstimate TrialMetric(CalibrationTarget target)
    {
        var arm = Readout(target).Arms.Single(a => a.Name == target.Arm);
        switch (target.Metric)
        {
            case TargetMetric.MedianPfsMonths:
                if (MedianPfs(target, Readout(target).Courses.SingleOrDefault(c => c.Name == target.Arm), arm) is not { } median)
                    return TargetEstimate.Missing;
                // Not reached: the longest follow-up is a lower bound, and the distance then still points the right way.
                double days = double.IsNaN(median.Median) ? arm.Curve.Times.DefaultIfEmpty(0).Max() : median.Median;
                return new(days / TrialResults.DaysPerMonth, median.Interval.Lower / TrialResults.DaysPerMonth, median.Interval.Upper / TrialResults.DaysPerMonth);
            case TargetMetric.ObjectiveResponseRate:
                return Of(arm.ObjectiveResponse);
            case TargetMetric.PfsAtMonths:
                double at = target.At * TrialResults.DaysPerMonth;
                var interval = arm.Curve.IntervalAt(at);
                return new(arm.Curve.SurvivalAt(at), interval.Lower, interval.Upper);
            case TargetMetric.HazardRatio:
                return arm.HazardRatio is { } hr
                    ? new(hr, arm.HazardRatioInterval?.Lower ?? double.NaN, arm.HazardRatioInterval?.Upper ?? double.NaN)
                    : TargetEstimate.Missing;
            default:
                throw new ArgumentOutOfRangeException(nameof(target), target.Metric, "not a trial endpoint");
        }
    }

    /// <summary>The median PFS of the target's subgroup of the arm; null when the run cannot split it (no sanctuary imaged apart).</summary>
    private static MedianSurvival? MedianPfs(CalibrationTarget target, ArmCourse? course, ArmEndpoints arm) => target.Subgroup switch
    {
        TrialSubgroup.All => arm.MedianPfs,
        TrialSubgroup.SanctuaryAtBaseline => course?.SanctuaryAtBaseline?.MedianWith,
        _ => course?.SanctuaryAtBaseline?.MedianWithout,
    };

    /// <summary>The run's summary table, read once for every target that needs it.</summary>
    private TableData Summary => _summary ??= RunTableReader.Read(files, "summary");

    /// <summary>
    /// Share of the arm's patients for whom <paramref name="counts"/> holds of their value in the summary's
    /// <paramref name="column"/>; missing when the run has no such column or a patient's value is null (sanctuaries not
    /// imaged apart).
    /// </summary>
    private TargetEstimate ShareOfPatients(CalibrationTarget target, string column, Func<TableData, string, int, bool> counts)
    {
        var summary = Summary;
        if (!summary.Has(column)) return TargetEstimate.Missing;
        int arm = ArmIndex(target);
        int patients = 0, counted = 0;
        for (int r = 0; r < summary.RowCount; r++)
        {
            if (summary.Long("arm", r) != arm) continue;
            if (summary[column, r] is null) return TargetEstimate.Missing;
            patients++;
            if (counts(summary, column, r)) counted++;
        }
        return patients == 0 ? TargetEstimate.Missing : Of(WilsonScoreInterval.Estimate(counted, patients));
    }

    /// <summary>The position of the target's arm in the run's tables.</summary>
    private int ArmIndex(CalibrationTarget target) => Readout(target).Arms.Select(a => a.Name).ToList().IndexOf(target.Arm);

    /// <summary>Share of the arm's progressing patients whose tumour carried any of the target's mechanisms at progression.</summary>
    private TargetEstimate MechanismShare(CalibrationTarget target)
    {
        var summary = Summary;
        int arm = ArmIndex(target);
        int progressions = 0, carrying = 0;
        for (int r = 0; r < summary.RowCount; r++)
        {
            if (summary.Long("arm", r) != arm || !summary.Bool("pfs_event", r)) continue;
            progressions++;
            var carried = (summary.String("mechanisms_at_progression", r) ?? "").Split('+', StringSplitOptions.RemoveEmptyEntries);
            if (carried.Any(target.Mechanisms.Contains)) carrying++;
        }
        return progressions == 0 ? TargetEstimate.Missing : Of(WilsonScoreInterval.Estimate(carrying, progressions));
    }

    /// <summary>Median over work units of the assay's fitted IC50 at the assay time nearest the target's day.</summary>
    private TargetEstimate Ic50(CalibrationTarget target)
    {
        _fits ??= AssayFits.FitAll(files);
        var fits = _fits.Where(f => f.Assay == target.Assay && f.Drug == target.Drug).ToArray();
        if (fits.Length == 0) return TargetEstimate.Missing;
        double day = fits.Select(f => f.Day).MinBy(d => Math.Abs(d - target.At));
        double[] ic50s = [.. fits.Where(f => f.Day == day).Select(f => f.Ic50)];
        return ic50s.Any(double.IsNaN) ? TargetEstimate.Missing : OverUnits(ic50s);
    }

    /// <summary>Median over work units of log10 total cells at the sample nearest the day (an extinct culture counts as 0, i.e. 1 cell).</summary>
    private TargetEstimate Log10Cells(double day)
    {
        _totals ??= RunTableReader.Read(files, "totals");
        var totals = _totals;
        double[] nearest = [.. Enumerable.Range(0, totals.RowCount)
            .GroupBy(r => (totals.Long("arm", r), totals.Long("point", r), totals.Long("replicate", r)))
            .Select(g => g.MinBy(r => Math.Abs(totals.Double("time_days", r) - day)))
            .Select(r => Math.Log10(Math.Max(1, totals.Double("total_cells", r))))];
        return nearest.Length == 0 ? TargetEstimate.Missing : OverUnits(nearest);
    }

    private static TargetEstimate Of(ProportionEstimate estimate) => new(estimate.Proportion, estimate.Interval.Lower, estimate.Interval.Upper);

    /// <summary>The median over work units with their 2.5–97.5% range (a point when there is one unit).</summary>
    private static TargetEstimate OverUnits(double[] values)
    {
        if (values.Length == 1) return TargetEstimate.Point(values[0]);
        double[] q = SampleQuantile.Type7(values, [0.5, 0.025, 0.975]);
        return new(q[0], q[1], q[2]);
    }
}
