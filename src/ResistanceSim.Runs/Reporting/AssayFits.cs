using System.Globalization;
using ResistanceSim.Analysis.DoseResponse;
using ResistanceSim.Output;
using ResistanceSim.Output.Reading;
using ResistanceSim.Output.Sinks;
using ResistanceSim.Output.Tables;

namespace ResistanceSim.Runs.Reporting;

/// <summary>
/// Fits a four-parameter Hill curve to every virtual viability assay in <c>assays/</c> (one
/// dilution series per work unit, assay, drug and time) and writes <c>assay_fits/</c>: IC50 with its
/// 95% CI and the fold change over the same work unit's first assay of that drug (the parental
/// population). Lives in the run library because fitting is Analysis, which Output may not use.
/// </summary>
internal static class AssayFits
{
    public const string Table = "assay_fits";

    public static IReadOnlyList<ColumnSpec> Columns { get; } =
    [
        .. WorkUnitColumns.Specs,
        new("assay", ColumnType.String, false, "", "assay name"),
        new("drug", ColumnType.String, false, "", "drug in the dilution series"),
        new("time_days", ColumnType.Double, false, "day", "when the population was plated"),
        new("status", ColumnType.String, false, "", "converged | ic50_outside_tested_range | no_dose_response | did_not_converge | insufficient_data"),
        new("ic50_nM", ColumnType.Double, true, "nM", "fitted IC50 (null without a curve)"),
        new("ic50_lower_nM", ColumnType.Double, true, "nM", "95% CI lower bound"),
        new("ic50_upper_nM", ColumnType.Double, true, "nM", "95% CI upper bound"),
        new("hill_slope", ColumnType.Double, true, "", "fitted Hill slope"),
        new("fold_change", ColumnType.Double, true, "fold", "IC50 / IC50 of the first assay of this drug in the work unit"),
    ];

    public sealed record Fit(int Arm, int Point, int Replicate, string Assay, string Drug, double Day, HillFitResult Result,
        double[] Concentrations, double[] Viability)
    {
        public double Ic50 => Result.HasCurve ? Result.Curve!.Value.Ic50 : double.NaN;
    }

    /// <summary>Fits every series in the run's <c>assays/</c> table; empty when the run has no assays.</summary>
    public static IReadOnlyList<Fit> FitAll(RunFiles files)
    {
        if (!RunTableReader.Exists(files, "assays")) return [];
        var assays = RunTableReader.Read(files, "assays");
        return Enumerable.Range(0, assays.RowCount)
            .GroupBy(r => ((int)assays.Long("arm", r), (int)assays.Long("point", r), (int)assays.Long("replicate", r),
                assays.String("assay", r) ?? "", assays.String("drug", r) ?? "", assays.Double("time_days", r)))
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                double[] c = [.. g.Select(r => assays.Double("concentration_nM", r))];
                double[] v = [.. g.Select(r => assays.Double("viability", r))];
                var k = g.Key;
                return new Fit(k.Item1, k.Item2, k.Item3, k.Item4, k.Item5, k.Item6, HillCurveFitter.Fit(c, v), c, v);
            })
            .ToArray();
    }

    /// <summary>Writes <c>assay_fits/part-00000.&lt;format&gt;</c> when there are fits.</summary>
    /// <returns>The part files written (none without fits), for the manifest.</returns>
    public static IReadOnlyList<string> Write(string runDirectory, IReadOnlyList<Fit> fits, OutputFormat format, Provenance provenance)
    {
        if (fits.Count == 0) return [];
        var batch = new TableBatch(Columns);
        batch.Reset(fits.Count);
        for (int r = 0; r < fits.Count; r++)
        {
            var f = fits[r];
            var first = fits.First(x => x.Arm == f.Arm && x.Point == f.Point && x.Replicate == f.Replicate && x.Drug == f.Drug);
            batch.Int32(0)[r] = f.Arm;
            batch.Int32(1)[r] = f.Point;
            batch.Int32(2)[r] = f.Replicate;
            batch.String(3)[r] = f.Assay;
            batch.String(4)[r] = f.Drug;
            batch.Double(5)[r] = f.Day;
            batch.String(6)[r] = Status(f.Result.Status);
            batch.SetDoubleOrNull(7, r, f.Ic50);
            batch.SetDoubleOrNull(8, r, f.Result.Ic50Interval.Lower);
            batch.SetDoubleOrNull(9, r, f.Result.Ic50Interval.Upper);
            batch.SetDoubleOrNull(10, r, f.Result.HasCurve ? f.Result.Curve!.Value.HillSlope : double.NaN);
            batch.SetDoubleOrNull(11, r, f.Ic50 / first.Ic50);
        }
        return [DerivedTable.Write(runDirectory, Table, batch, format, provenance)];
    }


    private static string Status(HillFitStatus status) => status switch
    {
        HillFitStatus.Converged => "converged",
        HillFitStatus.Ic50OutsideTestedRange => "ic50_outside_tested_range",
        HillFitStatus.NoDoseResponse => "no_dose_response",
        HillFitStatus.DidNotConverge => "did_not_converge",
        _ => "insufficient_data",
    };

    internal static string Describe(Fit f) => f.Result.HasCurve
        ? string.Create(CultureInfo.InvariantCulture, $"{f.Ic50:0.#} nM [{f.Result.Ic50Interval.Lower:0.#}, {f.Result.Ic50Interval.Upper:0.#}]")
        : Status(f.Result.Status);
}
