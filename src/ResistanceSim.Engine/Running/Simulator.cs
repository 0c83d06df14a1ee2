using ResistanceSim.Engine.Algorithms;

namespace ResistanceSim.Engine.Running;

/// <summary>Runs one work unit: problem (the run), algorithm and observer kept apart, as in JumpProcesses.jl.</summary>
public static class Simulator
{
    /// <param name="histories">For cohorts: patients' histories shared between arms (<see cref="SharedHistories"/>), or null.</param>
    public static void Run(SimulationRun run, ISimulationAlgorithm algorithm, WorkUnit unit, IRunObserver? observer,
        CancellationToken cancellation = default, SharedHistories? histories = null)
    {
        run.Cancellation = cancellation;
        algorithm.Attach(run);
        run.Start(unit, observer, algorithm.Listener, histories);
        algorithm.Begin(run);
        while (!run.Finished)
        {
            cancellation.ThrowIfCancellationRequested();
            algorithm.Advance(run, run.NextCheckpoint);
            if (run.ReachCheckpoint()) algorithm.Begin(run);   // a patient's history restarted or reached diagnosis
        }
    }
}
