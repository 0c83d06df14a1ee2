using ResistanceSim.Output.Reading;

namespace ResistanceSim.Runs.Reporting;

/// <summary>The report's per-work-unit outcome table, from <c>summary</c>.</summary>
internal static class SummaryRows
{
    public static IReadOnlyList<string> Headers { get; } =
        ["arm", "point", "replicate", "outcome", "progression day", "best response", "dominant mechanism", "final cells"];

    public static IEnumerable<IReadOnlyList<string>> From(TableData summary) =>
        Enumerable.Range(0, summary.RowCount).Take(200).Select(r => (IReadOnlyList<string>)
        [
            summary.String("arm", r) ?? "", summary.String("point", r) ?? "", summary.String("replicate", r) ?? "",
            summary.String("outcome", r) ?? "", RunReport.Number(summary.Double("progression_day", r)),
            RunReport.Number(summary.Double("best_response", r)), summary.String("dominant_mechanism", r) ?? "",
            RunReport.Number(summary.Double("final_cells", r)),
        ]);
}
