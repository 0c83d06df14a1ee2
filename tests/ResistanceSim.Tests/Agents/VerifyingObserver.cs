using ResistanceSim.Engine.Agents;
using ResistanceSim.Engine.Running;

namespace ResistanceSim.Tests.Agents;

/// <summary>Checks at every sample and at the end that the agent engine's lattice holds exactly the run's clones, and counts what it saw.</summary>
internal sealed class VerifyingObserver : IRunObserver
{
    public AgentMethod? Engine { get; set; }
    public int Samples { get; private set; }
    public int PassagesSeen { get; private set; }
    public int MaxClones { get; private set; }

    /// <summary>Samples at which a single clone held every cell.</summary>
    public int LoneCloneSamples { get; private set; }

    public void RunStarted(SimulationRun run)
    {
    }

    public void Sampled(SimulationRun run)
    {
        Engine!.Verify();   // day 0 too: Simulator.Run attaches the engine, which lays the cells out before the first sample
        run.Clones.Verify();
        Samples++;
        PassagesSeen = Math.Max(PassagesSeen, run.Passages);
        MaxClones = Math.Max(MaxClones, run.Clones.Count);
        int withCells = 0;
        foreach (long n in run.Clones.Cells) if (n > 0) withCells++;
        if (withCells == 1) LoneCloneSamples++;
    }

    public void RunEnded(SimulationRun run) => Engine!.Verify();
}
