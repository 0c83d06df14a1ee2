namespace ResistanceSim.Runs;

/// <summary>
/// A run cancelled part way. What it finished is kept in its run directory: resuming the same run (same settings,
/// <see cref="RunSettings.Resume"/>) continues from there, and a run stopped while drawing has its tables published.
/// </summary>
public sealed class RunStoppedException : OperationCanceledException
{
    internal RunStoppedException(RunStage stage, int unitsDone, int unitsTotal, string runDirectory, CancellationToken token, Exception? inner = null)
        : base($"The run was stopped ({stage}) after {unitsDone} of {unitsTotal} work units.", inner, token)
    {
        Stage = stage;
        UnitsDone = unitsDone;
        UnitsTotal = unitsTotal;
        RunDirectory = runDirectory;
    }

    /// <summary>Where it stopped: <see cref="RunStage.Running"/>, <see cref="RunStage.Publishing"/> or <see cref="RunStage.Drawing"/>.</summary>
    public RunStage Stage { get; }

    /// <summary>Work units of the shard finished and kept (this and earlier calls).</summary>
    public int UnitsDone { get; }

    /// <summary>Work units of the shard.</summary>
    public int UnitsTotal { get; }

    /// <summary>The run directory that holds what was kept.</summary>
    public string RunDirectory { get; }
}
