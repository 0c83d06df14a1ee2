using System.Globalization;
using ResistanceSim.Plotting.Charts;

namespace ResistanceSim.Runs.Reporting;

/// <summary>
/// The population chart of a run in progress: the total cells of each work unit finished so far (the first
/// <see cref="MaxLines"/> of them, so the legend stays readable) with the drug levels of the first on the right axis,
/// drawn by <see cref="PopulationChart"/> and titled with how much of the run is done. Feed it the
/// <see cref="RunProgress.Unit"/> of each <see cref="RunStage.Running"/> report.
/// </summary>
public sealed class LivePopulationChart(string scenarioName)
{
    /// <summary>Units drawn at most; later ones still count in the title.</summary>
    public const int MaxLines = 8;

    private readonly List<UnitTotals> _units = [];
    private int _unitsDone, _unitsTotal;

    /// <summary>Units finished so far, as the last report counted them.</summary>
    public int UnitsDone => _unitsDone;

    /// <summary>Takes in one progress report; true when it added a finished unit (so the chart has changed).</summary>
    public bool Add(RunProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        if (progress is not { Stage: RunStage.Running, Unit: { } unit }) return false;
        _unitsDone = progress.UnitsDone;
        _unitsTotal = progress.UnitsTotal;
        if (_units.Count < MaxLines && unit.Days.Count > 0) _units.Add(unit);
        return true;
    }

    /// <summary>The chart as SVG; null before a unit with samples has finished.</summary>
    public string? Render()
    {
        if (_units.Count == 0) return null;
        var lines = _units.Select(u => new TimeSeries(Name(u), [.. u.Days], [.. u.TotalCells])).ToArray();
        string drawn = _unitsDone > _units.Count ? $" (the first {_units.Count} drawn)" : "";
        string title = string.Create(CultureInfo.InvariantCulture, $"{scenarioName}: total cells, {_unitsDone} of {_unitsTotal} work units done{drawn}");
        return PopulationChart.Render(new PopulationChartInput(title, lines[0], lines[1..], DrugLevelsOf(_units[0], named: _units.Count > 1), []));
    }

    /// <summary>
    /// One unit's drug levels, every drug of the run as on the finished population chart. Units may be dosed differently
    /// (arms, an adaptive arm's pauses), so with several units drawn each level names the unit it belongs to.
    /// </summary>
    private static TimeSeries[] DrugLevelsOf(UnitTotals unit, bool named) =>
        [.. unit.DrugLevels.Select(d => new TimeSeries(named ? $"{d.Drug} ({Name(unit)})" : d.Drug, [.. unit.Days], [.. d.NanoMolar]))];

    private static string Name(UnitTotals unit) =>
        string.Create(CultureInfo.InvariantCulture, $"arm {unit.Arm}, point {unit.Point}, replicate {unit.Replicate}");
}
