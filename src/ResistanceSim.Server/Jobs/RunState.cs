namespace ResistanceSim.Server.Jobs;

/// <summary>Where a run of the teaching server is in its life.</summary>
public enum RunState
{
    /// <summary>Waiting in the queue.</summary>
    Queued,
    /// <summary>Simulating, publishing or drawing.</summary>
    Running,
    /// <summary>Finished: charts, checks and downloads are available.</summary>
    Done,
    /// <summary>Refused while running (a resource limit) or broken; <see cref="RunJob.Error"/> says why.</summary>
    Failed,
    /// <summary>Stopped: its page left, or it ran past the wall-time limit.</summary>
    Cancelled,
}
