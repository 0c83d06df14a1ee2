using ResistanceSim.Engine.Observation;
using ResistanceSim.Model;
using ResistanceSim.Model.Clinical;

namespace ResistanceSim.Output.Tables;

/// <summary>A virtual patient's clinical course as <c>summary/</c> columns (cohort runs; docs/trials.md).</summary>
internal static class ClinicalColumns
{
    public static IReadOnlyList<ColumnSpec> Specs { get; } =
    [
        new("pfs_days", ColumnType.Double, false, "day", "progression-free survival: the scan showing RECIST progression on the last line, else the end of follow-up (censored)"),
        new("pfs_event", ColumnType.Boolean, false, "", "true if progression was seen (false: censored at the end of follow-up)"),
        new("best_overall_response", ColumnType.String, false, "", "best RECIST 1.1 category up to progression: CR | PR | SD | PD | NE"),
        new("objective_response", ColumnType.Boolean, false, "", "best overall response CR or PR (counts towards the ORR)"),
        new("baseline_sld_mm", ColumnType.Double, false, "mm", "sum of longest diameters at diagnosis (day 0)"),
        new("nadir_sld_mm", ColumnType.Double, false, "mm", "smallest sum of diameters up to progression"),
        new("first_progression_day", ColumnType.Double, true, "day", "progression that ended an earlier line of a sequential protocol (null if none)"),
        new("mechanisms_at_progression", ColumnType.StringList, false, "", "mechanisms carried by at least cohort.mechanism_share_at_progression of the cells at progression (empty if none or no progression)"),
        new("diagnosis_day", ColumnType.Double, false, "day", "untreated history: days from the first cell to detection"),
        new("history_attempts", ColumnType.Int32, false, "", "untreated tumours grown until one reached detection (the others died out)"),
        new("cells_at_diagnosis", ColumnType.Double, false, "cells", "tumour size at day 0, as the baseline scan reads it (after prior lines, with their killed cells not yet cleared)"),
        new("resistant_cells_at_diagnosis", ColumnType.Int64, false, "cells", "cells carrying any mechanism at day 0 (pre-existing resistance, Bozic 2013)"),
        new("cured", ColumnType.Boolean, false, "", "no tumour cell left by the end of follow-up"),
        new("beyond_baseline_day", ColumnType.Double, true, "day", "first scan with progression judged against the baseline instead of the nadir (adaptive-therapy endpoint); null if not seen before the run stopped"),
        new("lines_started", ColumnType.Int32, false, "", "lines of the arm's protocol the patient started: 1 plus each switch on progression"),
        new("prior_line_days", ColumnType.Double, false, "day", "time on the cohort's prior lines, from diagnosis to the progression that started this arm (0 without prior lines)"),
        new("progression_by_new_lesion", ColumnType.Boolean, false, "", "the progression on the last line was a sanctuary site (such as the brain) seen as a new lesion (cohort.scans.new_lesion_mm)"),
        new("progression_in_sanctuary", ColumnType.Boolean, false, "", "the progression on the last line was at a sanctuary site imaged apart: a new lesion there or a known one grown 20% and 5 mm over its nadir"),
        new("sanctuary_at_baseline_mm", ColumnType.Double, true, "mm", "diameter of the sanctuary lesion (such as brain metastases) at the arm's baseline scan, 0 if below cohort.scans.new_lesion_mm; null when sanctuaries are not imaged apart"),
        new("sanctuary_lesions_treated", ColumnType.Int32, false, "", "sanctuary lesions (such as brain metastases) treated locally before the arm's line by cohort.sanctuary_local_therapy; 0 without it"),
    ];

    /// <summary>Writes the course of <paramref name="result"/> from column <paramref name="first"/> on.</summary>
    public static void Fill(Scenario scenario, WorkUnitResult result, TableBatch batch, int first)
    {
        var summary = result.Summary;
        var course = summary.Clinical ?? throw new InvalidOperationException("A cohort run ended without a clinical course.");
        batch.Double(first)[0] = course.PfsDays;
        batch.Boolean(first + 1)[0] = course.PfsEvent;
        batch.String(first + 2)[0] = RecistResponses.Label(course.BestOverallResponse);
        batch.Boolean(first + 3)[0] = course.ObjectiveResponse;
        batch.Double(first + 4)[0] = course.BaselineMm;
        batch.Double(first + 5)[0] = course.NadirMm;
        batch.Double(first + 6)[0] = course.FirstProgressionDay;
        batch.Valid(first + 6)[0] = !double.IsNaN(course.FirstProgressionDay);
        batch.StringList(first + 7)[0] = MechanismNames(scenario.Catalog, course.MechanismsAtProgression);
        batch.Double(first + 8)[0] = course.DiagnosisDay;
        batch.Int32(first + 9)[0] = course.HistoryAttempts;
        batch.Double(first + 10)[0] = course.BaselineCells;
        batch.Int64(first + 11)[0] = course.ResistantCellsAtDiagnosis;
        batch.Boolean(first + 12)[0] = course.Cured;
        batch.Double(first + 13)[0] = course.BeyondBaselineDay;
        batch.Valid(first + 13)[0] = !double.IsNaN(course.BeyondBaselineDay);
        batch.Int32(first + 14)[0] = course.LinesStarted;
        batch.Double(first + 15)[0] = course.PriorLineDays;
        batch.Boolean(first + 16)[0] = course.ProgressedByNewLesion;
        batch.Boolean(first + 17)[0] = course.ProgressedInSanctuary;
        batch.SetDoubleOrNull(first + 18, 0, course.SanctuaryBaselineMm);
        batch.Int32(first + 19)[0] = course.SanctuaryLesionsTreated;
    }

    private static string[] MechanismNames(MechanismCatalog catalog, ulong mask)
    {
        var names = new List<string>();
        for (int m = 0; m < Math.Min(catalog.All.Count, 64); m++)
            if ((mask & (1UL << m)) != 0) names.Add(catalog.All[m].Name);
        return [.. names];
    }
}
