namespace ResistanceSim.Engine.Running;

/// <summary>Receives a run's state at its start, at every sample and at its end, and turns it into rows.</summary>
public interface IRunObserver
{
    void RunStarted(SimulationRun run);

    void Sampled(SimulationRun run);

    void RunEnded(SimulationRun run);
}
