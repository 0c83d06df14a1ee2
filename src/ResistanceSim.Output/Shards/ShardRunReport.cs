namespace ResistanceSim.Output.Shards;

/// <summary>What <see cref="ShardRunner.Run"/> did.</summary>
/// <param name="UnitsDone">Units finished in the call (fewer than asked only on cancellation).</param>
/// <param name="HistoriesReused">Cohort units that started from the history another arm grew for their patient (<see cref="ResistanceSim.Engine.Running.SharedHistories"/>).</param>
public readonly record struct ShardRunReport(int UnitsDone, int HistoriesReused);
