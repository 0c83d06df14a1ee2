using ResistanceSim.Engine.Exposure;
using ResistanceSim.Engine.Observation;
using ResistanceSim.Model;

namespace ResistanceSim.Output.Tables;

/// <summary>
/// Per orally dosed drug, the steady-state exposure the work unit actually had (<see cref="SteadyStateExposure"/>):
/// <c>trough_&lt;drug&gt;_nM</c>, <c>peak_&lt;drug&gt;_nM</c>, <c>auc_&lt;drug&gt;_nM_h_per_day</c>, named like the
/// <c>conc_&lt;drug&gt;_nM</c> columns of <c>totals/</c> (docs/output-schema.md). Only drugs with oral PK get columns.
/// </summary>
public sealed class ExposureColumns
{
    private readonly int[] _drugs;   // scenario drug indices of the drugs with oral PK

    public ExposureColumns(Scenario scenario)
    {
        var drugs = scenario.DrugList;
        _drugs = [.. Enumerable.Range(0, drugs.Count).Where(d => drugs[d].Pk is OralOneCompartmentPk)];
        Specs = [.. _drugs.SelectMany(d => Describe(drugs[d].Name))];
    }

    public IReadOnlyList<ColumnSpec> Specs { get; }

    public static string TroughColumn(string drug) => "trough_" + drug + "_nM";

    public static string PeakColumn(string drug) => "peak_" + drug + "_nM";

    public static string DailyAucColumn(string drug) => "auc_" + drug + "_nM_h_per_day";

    /// <summary>Writes the exposures of <paramref name="result"/> from column <paramref name="first"/> on (null where none).</summary>
    public void Fill(WorkUnitResult result, TableBatch batch, int first)
    {
        int c = first;
        foreach (int d in _drugs)
        {
            var exposure = result.Exposure[d];
            batch.SetDoubleOrNull(c++, 0, exposure.TroughNanoMolar);
            batch.SetDoubleOrNull(c++, 0, exposure.PeakNanoMolar);
            batch.SetDoubleOrNull(c++, 0, exposure.DailyAucNanoMolarHours);
        }
    }

    private static ColumnSpec[] Describe(string drug) =>
    [
        new(TroughColumn(drug), ColumnType.Double, true, "nM", $"steady-state trough of total {drug}: mean over the exposure window of each day's lowest concentration, with the doses actually taken (null if none or no full day at steady state)"),
        new(PeakColumn(drug), ColumnType.Double, true, "nM", $"steady-state peak of total {drug}: mean of each day's highest concentration over the same window"),
        new(DailyAucColumn(drug), ColumnType.Double, true, "nM·h/day", $"area under the total {drug} concentration curve per day over the same window (24 × average concentration)"),
    ];
}
