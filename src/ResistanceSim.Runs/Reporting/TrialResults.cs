using System.Globalization;
using ResistanceSim.Analysis.Survival;
using ResistanceSim.Analysis.Trials;
using ResistanceSim.Output;
using ResistanceSim.Output.Reading;
using ResistanceSim.Output.Sinks;
using ResistanceSim.Output.Tables;

namespace ResistanceSim.Runs.Reporting;

/// <summary>
/// The readout of a cohort run (docs/trials.md), from its per-patient <c>summary/</c>: per arm n, events, median
/// PFS [95% CI], ORR [95% CI], hazard ratio and log-rank p against the first arm (<see cref="TrialReadout"/>), and
/// the mechanisms the progressing tumours carried. Written as <c>endpoints/</c> and <c>progression_mechanisms/</c>
/// and printed at the end of the run. Lives in the run library because the statistics are Analysis, which Output may not use.
/// </summary>
public static class TrialResults
{
    /// <summary>The table of per-arm endpoints.</summary>
    public const string EndpointsTable = "endpoints";
    /// <summary>The table of mechanisms carried at progression, per arm.</summary>
    public const string MechanismsTable = "progression_mechanisms";

    /// <summary>Days per month for reporting PFS in months (365.25 / 12), as trial reports do.</summary>
    public const double DaysPerMonth = 365.25 / 12;

    /// <summary>How many of an arm's progressing tumours carried a mechanism.</summary>
    /// <param name="Arm">Arm index (file order).</param>
    /// <param name="ArmName">Arm name.</param>
    /// <param name="Mechanism">Catalog mechanism.</param>
    /// <param name="Patients">Progressing tumours carrying it.</param>
    /// <param name="Progressions">Progressions in the arm.</param>
    public sealed record MechanismCount(int Arm, string ArmName, string Mechanism, int Patients, int Progressions)
    {
        /// <summary>Patients / progressions (NaN without progressions).</summary>
        public double Share => Progressions > 0 ? (double)Patients / Progressions : double.NaN;
    }

    /// <summary>A cohort run's trial readout.</summary>
    /// <param name="Arms">Per arm (file order): n, events, median PFS, ORR, hazard ratio and log-rank p against the first arm, the KM curve.</param>
    /// <param name="Mechanisms">Mechanisms at progression per arm, most frequent first.</param>
    /// <param name="Courses">Per arm (file order): cure, line switches and resistance at the arm's start.</param>
    public sealed record Readout(IReadOnlyList<ArmEndpoints> Arms, IReadOnlyList<MechanismCount> Mechanisms, IReadOnlyList<ArmCourse> Courses);

    internal static IReadOnlyList<ColumnSpec> EndpointColumns { get; } =
    [
        new("arm", ColumnType.Int32, false, "", "arm index (file order)"),
        new("arm_name", ColumnType.String, false, "", "arm name"),
        new("patients", ColumnType.Int32, false, "", "patients treated"),
        new("events", ColumnType.Int32, false, "", "progressions seen"),
        new("median_pfs_days", ColumnType.Double, true, "day", "Kaplan–Meier median PFS (null if not reached)"),
        new("median_pfs_lower_days", ColumnType.Double, true, "day", "Brookmeyer–Crowley 95% CI lower bound"),
        new("median_pfs_upper_days", ColumnType.Double, true, "day", "95% CI upper bound (null if not reached)"),
        new("orr", ColumnType.Double, false, "fraction", "objective response rate (best overall response CR or PR)"),
        new("orr_lower", ColumnType.Double, false, "fraction", "Wilson 95% CI lower bound"),
        new("orr_upper", ColumnType.Double, false, "fraction", "Wilson 95% CI upper bound"),
        new("hazard_ratio", ColumnType.Double, true, "", "Cox HR of PFS vs the first arm (Efron ties; null for the first arm or without convergence)"),
        new("hazard_ratio_lower", ColumnType.Double, true, "", "Wald 95% CI lower bound"),
        new("hazard_ratio_upper", ColumnType.Double, true, "", "Wald 95% CI upper bound"),
        new("logrank_p", ColumnType.Double, true, "", "two-group log-rank p vs the first arm (null for the first arm)"),
        new("cured", ColumnType.Double, true, "fraction", "share of patients with no tumour cell left by the end of follow-up"),
        new("cured_lower", ColumnType.Double, true, "fraction", "Wilson 95% CI lower bound"),
        new("cured_upper", ColumnType.Double, true, "fraction", "Wilson 95% CI upper bound"),
        new("switched_lines", ColumnType.Int32, true, "", "patients who moved to a later line of the arm's protocol on progression"),
        new("resistant_fraction_median", ColumnType.Double, true, "fraction", "median over patients of the resistant fraction at the arm's day 0"),
        new("resistant_fraction_p90", ColumnType.Double, true, "fraction", "its 90th percentile"),
        new("mostly_resistant_share", ColumnType.Double, true, "fraction", "share of patients whose tumour was more than half resistant at day 0"),
        new("sanctuary_at_baseline", ColumnType.Int32, true, "", "patients with a sanctuary lesion (such as a brain metastasis) visible at baseline; null unless the scans image sanctuaries apart"),
        new("median_pfs_with_sanctuary_days", ColumnType.Double, true, "day", "Kaplan–Meier median PFS of those patients (null if none or not reached)"),
        new("median_pfs_without_sanctuary_days", ColumnType.Double, true, "day", "of the others (null if none or not reached)"),
    ];

    internal static IReadOnlyList<ColumnSpec> MechanismColumns { get; } =
    [
        new("arm", ColumnType.Int32, false, "", "arm index"),
        new("arm_name", ColumnType.String, false, "", "arm name"),
        new("mechanism", ColumnType.String, false, "", "catalog mechanism"),
        new("patients", ColumnType.Int32, false, "", "progressing tumours carrying it (≥ cohort.mechanism_share_at_progression of cells)"),
        new("progressions", ColumnType.Int32, false, "", "progressions in the arm"),
        new("share", ColumnType.Double, false, "fraction", "patients / progressions"),
    ];

    /// <summary>The readout of the run whose tables are <paramref name="files"/>, or null if it is not a cohort run.</summary>
    /// <param name="files">The run's published (or pending) table files.</param>
    /// <param name="armNames">Arm names in order; when null they are taken from an existing <c>endpoints/</c> table.</param>
    public static Readout? Read(RunFiles files, IReadOnlyList<string>? armNames = null) =>
        RunTableReader.Exists(files, "summary") ? From(RunTableReader.Read(files, "summary"), armNames ?? StoredArmNames(files)) : null;

    /// <summary>The readout from a run's <c>summary</c> table already in memory, or null if it is not a cohort run's.</summary>
    public static Readout? From(TableData summary, IReadOnlyList<string> armNames)
    {
        if (!summary.Has("pfs_days")) return null;
        var byArm = Enumerable.Range(0, summary.RowCount).GroupBy(r => (int)summary.Long("arm", r)).OrderBy(g => g.Key).ToArray();
        string Name(int arm) => arm < armNames.Count && armNames[arm].Length > 0 ? armNames[arm] : $"arm {arm}";
        // Runs written before sanctuaries could be imaged apart have no such columns.
        int Flagged(IEnumerable<int> rows, string column) => summary.Has(column) ? rows.Count(r => summary.Bool(column, r)) : 0;
        var arms = byArm.Select(g => new TrialArm(Name(g.Key),
            [.. g.Select(r => new SurvivalObservation(summary.Double("pfs_days", r), summary.Bool("pfs_event", r)))],
            [.. g.Select(r => summary.Bool("objective_response", r))])).ToArray();
        // Null (NaN) where the scans did not image sanctuaries apart, and absent from runs written before the column.
        bool hasSanctuaryColumn = summary.Has("sanctuary_at_baseline_mm");
        double SanctuaryMm(int r) => hasSanctuaryColumn ? summary.Double("sanctuary_at_baseline_mm", r) : double.NaN;
        // Runs written before the cure and line columns existed have no course to read.
        var courses = !summary.Has("cured") ? [] : byArm.Select((g, k) => ArmCourse.Summarise(Name(g.Key),
            [.. g.Select(r => summary.Bool("cured", r))],
            [.. g.Select(r => summary.Double("resistant_cells_at_diagnosis", r) / summary.Double("cells_at_diagnosis", r))],
            [.. g.Select(r => (int)summary.Long("lines_started", r))]) with
            {
                Progressions = g.Count(r => summary.Bool("pfs_event", r)),
                NewLesionProgressions = Flagged(g, "progression_by_new_lesion"),
                SanctuaryProgressions = Flagged(g, "progression_in_sanctuary"),
                SanctuaryAtBaseline = g.Any(r => double.IsNaN(SanctuaryMm(r))) ? null
                    : BaselineSanctuarySplit.Split(arms[k].ProgressionFreeSurvival, [.. g.Select(r => SanctuaryMm(r) > 0)]),
            }).ToArray();
        var mechanisms = byArm.SelectMany(g =>
        {
            var progressed = g.Where(r => summary.Bool("pfs_event", r)).ToArray();
            return progressed
                .SelectMany(r => (summary.String("mechanisms_at_progression", r) ?? "").Split('+', StringSplitOptions.RemoveEmptyEntries))
                .GroupBy(m => m, StringComparer.Ordinal)
                .Select(m => new MechanismCount(g.Key, Name(g.Key), m.Key, m.Count(), progressed.Length))
                .OrderByDescending(m => m.Patients).ThenBy(m => m.Mechanism, StringComparer.Ordinal);
        }).ToArray();
        return new Readout(TrialReadout.Analyse(arms), mechanisms, courses);
    }

    private static IReadOnlyList<string> StoredArmNames(RunFiles files)
    {
        if (!RunTableReader.Exists(files, EndpointsTable)) return [];
        var endpoints = RunTableReader.Read(files, EndpointsTable);
        return [.. Enumerable.Range(0, endpoints.RowCount).OrderBy(r => endpoints.Long("arm", r)).Select(r => endpoints.String("arm_name", r) ?? "")];
    }

    /// <returns>The part files written, for the manifest.</returns>
    internal static IReadOnlyList<string> Write(string runDirectory, Readout readout, OutputFormat format, Provenance provenance)
    {
        var endpoints = new TableBatch(EndpointColumns);
        endpoints.Reset(readout.Arms.Count);
        for (int a = 0; a < readout.Arms.Count; a++)
        {
            var arm = readout.Arms[a];
            endpoints.Int32(0)[a] = a;
            endpoints.String(1)[a] = arm.Name;
            endpoints.Int32(2)[a] = arm.Patients;
            endpoints.Int32(3)[a] = arm.Events;
            endpoints.SetDoubleOrNull(4, a, arm.MedianPfs.Median);
            endpoints.SetDoubleOrNull(5, a, arm.MedianPfs.Interval.Lower);
            endpoints.SetDoubleOrNull(6, a, arm.MedianPfs.Interval.Upper);
            endpoints.Double(7)[a] = arm.ObjectiveResponse.Proportion;
            endpoints.Double(8)[a] = arm.ObjectiveResponse.Interval.Lower;
            endpoints.Double(9)[a] = arm.ObjectiveResponse.Interval.Upper;
            endpoints.SetDoubleOrNull(10, a, arm.HazardRatio ?? double.NaN);
            endpoints.SetDoubleOrNull(11, a, arm.HazardRatioInterval?.Lower ?? double.NaN);
            endpoints.SetDoubleOrNull(12, a, arm.HazardRatioInterval?.Upper ?? double.NaN);
            endpoints.SetDoubleOrNull(13, a, arm.LogRankPValue ?? double.NaN);
            var course = a < readout.Courses.Count ? readout.Courses[a] : null;   // null: a run from before these columns
            endpoints.SetDoubleOrNull(14, a, course?.Cured.Proportion ?? double.NaN);
            endpoints.SetDoubleOrNull(15, a, course?.Cured.Interval.Lower ?? double.NaN);
            endpoints.SetDoubleOrNull(16, a, course?.Cured.Interval.Upper ?? double.NaN);
            endpoints.Int32(17)[a] = course?.SwitchedLines ?? 0;
            endpoints.Valid(17)[a] = course is not null;
            endpoints.SetDoubleOrNull(18, a, course?.ResistantFractionMedian ?? double.NaN);
            endpoints.SetDoubleOrNull(19, a, course?.ResistantFractionP90 ?? double.NaN);
            endpoints.SetDoubleOrNull(20, a, course?.MostlyResistant.Proportion ?? double.NaN);
            var split = course?.SanctuaryAtBaseline;
            endpoints.Int32(21)[a] = split?.WithLesion ?? 0;
            endpoints.Valid(21)[a] = split is not null;
            endpoints.SetDoubleOrNull(22, a, split?.MedianWith.Median ?? double.NaN);
            endpoints.SetDoubleOrNull(23, a, split?.MedianWithout.Median ?? double.NaN);
        }
        string endpointsPath = DerivedTable.Write(runDirectory, EndpointsTable, endpoints, format, provenance);

        var mechanisms = new TableBatch(MechanismColumns);
        mechanisms.Reset(readout.Mechanisms.Count);
        for (int r = 0; r < readout.Mechanisms.Count; r++)
        {
            var m = readout.Mechanisms[r];
            mechanisms.Int32(0)[r] = m.Arm;
            mechanisms.String(1)[r] = m.ArmName;
            mechanisms.String(2)[r] = m.Mechanism;
            mechanisms.Int32(3)[r] = m.Patients;
            mechanisms.Int32(4)[r] = m.Progressions;
            mechanisms.Double(5)[r] = m.Share;
        }
        return [endpointsPath, DerivedTable.Write(runDirectory, MechanismsTable, mechanisms, format, provenance)];
    }

    internal static IReadOnlyList<string> Headers { get; } =
        ["arm", "n", "events", "median PFS, months [95% CI]", "ORR [95% CI]", "HR vs first [95% CI]", "log-rank p"];

    /// <summary>One row per arm, ranked by median PFS (longest first; not reached counts as longest).</summary>
    internal static IReadOnlyList<IReadOnlyList<string>> Rows(Readout readout) => [.. readout.Arms
        .OrderByDescending(a => double.IsNaN(a.MedianPfs.Median) ? double.PositiveInfinity : a.MedianPfs.Median)
        .Select(a => (IReadOnlyList<string>)
        [
            a.Name,
            a.Patients.ToString(CultureInfo.InvariantCulture),
            a.Events.ToString(CultureInfo.InvariantCulture),
            $"{Months(a.MedianPfs.Median)} [{Months(a.MedianPfs.Interval.Lower)}, {Months(a.MedianPfs.Interval.Upper)}]",
            $"{Percent(a.ObjectiveResponse.Proportion)} [{Percent(a.ObjectiveResponse.Interval.Lower)}, {Percent(a.ObjectiveResponse.Interval.Upper)}]",
            a.HazardRatio is { } hr
                ? string.Create(CultureInfo.InvariantCulture, $"{hr:0.00} [{a.HazardRatioInterval!.Value.Lower:0.00}, {a.HazardRatioInterval.Value.Upper:0.00}]")
                : "-",
            a.LogRankPValue is { } p ? FormatP(p) : "-",
        ])];

    /// <summary>The per-arm table printed at the end of a cohort run, arms ranked by median PFS.</summary>
    public static void Print(TextWriter output, Readout readout)
    {
        var headers = Headers;
        var rows = Rows(readout);
        var widths = headers.Select((h, c) => rows.Select(r => r[c].Length).Append(h.Length).Max()).ToArray();
        output.WriteLine("Arms ranked by median progression-free survival (HR and log-rank against the first arm in the file):");
        output.WriteLine(string.Join("  ", headers.Select((h, c) => c == 0 ? h.PadRight(widths[c]) : h.PadLeft(widths[c]))));
        foreach (var row in rows) output.WriteLine(string.Join("  ", row.Select((v, c) => c == 0 ? v.PadRight(widths[c]) : v.PadLeft(widths[c]))));
        foreach (var arm in readout.Mechanisms.GroupBy(m => m.ArmName))
            output.WriteLine($"Mechanisms at progression, {arm.Key}: " + string.Join(", ", arm.Take(6).Select(m =>
                string.Create(CultureInfo.InvariantCulture, $"{m.Mechanism} {m.Patients}/{m.Progressions} ({Percent(m.Share)})"))));
        foreach (var course in readout.Courses)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Course, {course.Name}: cured {Percent(course.Cured.Proportion)} [{Percent(course.Cured.Interval.Lower)}, {Percent(course.Cured.Interval.Upper)}], " +
                $"switched line on progression {course.SwitchedLines}; resistant fraction at day 0 median {course.ResistantFractionMedian:G2}, " +
                $"90th percentile {course.ResistantFractionP90:G2}, more than half resistant {course.MostlyResistant.Successes}/{course.MostlyResistant.Trials}"));
        foreach (var course in readout.Courses.Where(c => c.SanctuaryProgressions > 0))
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Sanctuary sites, {course.Name}: {course.SanctuaryProgressions} of {course.Progressions} progressions were at a sanctuary site (such as the brain), {course.NewLesionProgressions} of them a new lesion"));
        foreach (var course in readout.Courses.Where(c => c.SanctuaryAtBaseline is not null))
        {
            var split = course.SanctuaryAtBaseline!;
            var medians = new List<string>();
            if (split.WithLesion > 0) medians.Add($"with it {Months(split.MedianWith.Median)}");
            if (split.WithLesion < split.Patients) medians.Add($"without {Months(split.MedianWithout.Median)}");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Sanctuary at baseline, {course.Name}: {split.WithLesion} of {split.Patients} patients had a lesion visible there (such as a brain metastasis); " +
                $"median PFS, months: {string.Join(", ", medians)}"));
        }
    }

    private static string Months(double days) =>
        double.IsFinite(days) ? (days / DaysPerMonth).ToString("0.0", CultureInfo.InvariantCulture) : "NR";

    private static string Percent(double fraction) => (100 * fraction).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static string FormatP(double p) => p < 0.001 ? "<0.001" : p.ToString("0.000", CultureInfo.InvariantCulture);
}
