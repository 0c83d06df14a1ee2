namespace ResistanceSim.Runs;

/// <summary>
/// One report of a running scenario. Reports arrive in order on the thread that called the run, so a handler must be quick;
/// <see cref="UnitsDone"/> and <see cref="UnitsTotal"/> count the work units this call runs (a resumed run's earlier
/// ones are in <see cref="UnitsAlreadyDone"/>).
/// </summary>
/// <param name="Stage">What the run is doing.</param>
/// <param name="UnitsDone">Work units finished by this call.</param>
/// <param name="UnitsTotal">Work units this call runs.</param>
public sealed record RunProgress(RunStage Stage, int UnitsDone, int UnitsTotal)
{
    /// <summary>With <see cref="RunStage.Started"/>: what runs, e.g. "quickstart on exact, 2 arms, 40 patients".</summary>
    public string Description { get; init; } = "";

    /// <summary>With <see cref="RunStage.Started"/>: units an interrupted run of this shard had finished (resumed, not rerun).</summary>
    public int UnitsAlreadyDone { get; init; }

    /// <summary>With <see cref="RunStage.Running"/>: the unit that just finished, its total cells over time.</summary>
    public UnitTotals? Unit { get; init; }

    /// <summary>With <see cref="RunStage.Notice"/>: the line to show, e.g. "warning: …" or "note: …".</summary>
    public string Notice { get; init; } = "";
}
