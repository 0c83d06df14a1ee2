using ResistanceSim.Engine.Running;
using ResistanceSim.Model;

namespace ResistanceSim.Engine.Algorithms;

/// <summary>
/// A way of sampling the model's continuous-time Markov chain. The run owns the state and the
/// rules; an algorithm only advances time and chooses events. Instances keep per-worker
/// workspace and are reused across runs, so one instance must not serve two threads.
/// </summary>
public interface ISimulationAlgorithm
{
    EngineKind Kind { get; }

    /// <summary>Receives the run's clone changes (null when the algorithm keeps no index structures).</summary>
    ICloneListener? Listener { get; }

    /// <summary>
    /// Called before <see cref="SimulationRun.Start"/> sets up a work unit, so an algorithm that keeps per-cell state
    /// (the agent engine) can follow the unit's setup through its <see cref="Listener"/> and lay its cells out before
    /// the first sample. Clone engines keep nothing: the run is told it has no agents.
    /// </summary>
    void Attach(SimulationRun run) => run.Agents = null;

    /// <summary>Prepares workspace for a run that <see cref="SimulationRun.Start"/> has just set up.</summary>
    void Begin(SimulationRun run);

    /// <summary>Simulates from <see cref="SimulationRun.Day"/> up to <paramref name="untilDay"/>, returning early if the population dies out or reaches the size limit.</summary>
    void Advance(SimulationRun run, double untilDay);
}
