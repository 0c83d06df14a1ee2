namespace ResistanceSim.Plotting.Charts;

/// <summary>A protocol phase shown as a background band from <paramref name="Start"/> to <paramref name="End"/>.</summary>
public sealed record PhaseBand(double Start, double End, string Label);

/// <summary>
/// Input of <see cref="PopulationChart"/>: total cells and cells per mechanism over time (log axis),
/// drug concentrations (right axis) and protocol phases.
/// </summary>
public sealed record PopulationChartInput(
    string Title,
    TimeSeries Total,
    IReadOnlyList<TimeSeries> Mechanisms,
    IReadOnlyList<TimeSeries> Concentrations,
    IReadOnlyList<PhaseBand> Phases)
{
    /// <summary>Horizontal axis title.</summary>
    public string TimeLabel { get; init; } = "Time (days)";

    /// <summary>Left axis title.</summary>
    public string PopulationLabel { get; init; } = "Cells";

    /// <summary>Right axis title (used when there are concentrations).</summary>
    public string ConcentrationLabel { get; init; } = "Drug concentration (nM)";
}
