namespace ResistanceSim.Runs;

/// <summary>Where a run is, as <see cref="RunProgress"/> reports it.</summary>
public enum RunStage
{
    /// <summary>A warning or note for the user (<see cref="RunProgress.Notice"/>); the run goes on.</summary>
    Notice,

    /// <summary>The work units are about to run (<see cref="RunProgress.Description"/>, <see cref="RunProgress.UnitsTotal"/>).</summary>
    Started,

    /// <summary>One more work unit finished (<see cref="RunProgress.UnitsDone"/> of <see cref="RunProgress.UnitsTotal"/>).</summary>
    Running,

    /// <summary>Every unit ran; the tables, assay fits and trial readout are being written.</summary>
    Publishing,

    /// <summary>The tables are published; the plots and report are being drawn.</summary>
    Drawing,
}
