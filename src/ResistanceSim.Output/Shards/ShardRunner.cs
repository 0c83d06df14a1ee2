using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Engine.Observation;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;

namespace ResistanceSim.Output.Shards;

/// <summary>
/// Runs a shard's remaining work units on the worker pool and spools each result, in unit order, into the
/// shard's checkpoints, then hands it to <c>unitDone</c> (valid only during that call). On cancellation (Ctrl+C, SIGTERM) the units finished so far are checkpointed, so
/// <c>--resume</c> continues exactly after them. The arms of a cohort's patient that fall in this shard share the
/// patient's history (<see cref="SharedHistories"/>).
/// </summary>
public static class ShardRunner
{
    public static ShardRunReport Run(
        Scenario shape, Func<WorkUnit, Scenario> scenarioFor, IReadOnlyList<WorkUnit> units, int threads, AlgorithmInfo algorithm,
        ShardCheckpoints checkpoints, Action<WorkUnitResult> unitDone, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(checkpoints);
        ArgumentNullException.ThrowIfNull(unitDone);
        var histories = SharedHistories.ForCohort(shape, units);
        int done = BatchRunner.Run(shape, scenarioFor, units, threads, algorithm, s => new SimulationRun(s), result =>
        {
            checkpoints.Write(result);
            unitDone(result);
        }, cancellation, histories);
        checkpoints.Checkpoint();
        return new ShardRunReport(done, histories?.HistoriesReused ?? 0);
    }
}
