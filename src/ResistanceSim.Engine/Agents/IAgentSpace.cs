using ResistanceSim.Engine.Random;
using ResistanceSim.Engine.Running;

namespace ResistanceSim.Engine.Agents;

/// <summary>Where the agent engine's cells live: a lattice, or no space at all (the well-mixed limit).</summary>
internal interface IAgentSpace
{
    /// <summary>Empties <paramref name="store"/> and places the run's current clones in it (the initial layout).</summary>
    void Seed(AgentStore store, SimulationRun run, ref Xoshiro256StarStar rng);

    /// <summary>
    /// A site for a new cell next to the cell at <paramref name="parentSite"/> (a daughter, or a mutant arising per unit
    /// time), after moving cells to make room if the space allows pushing; −1 when there is no room.
    /// </summary>
    int SiteForNewCell(AgentStore store, int parentSite, ref Xoshiro256StarStar rng);

    /// <summary>The cell that was at <paramref name="site"/> has gone.</summary>
    void Released(int site);

    /// <summary>After passaging: the surviving cells are reseeded at random sites of a fresh dish.</summary>
    void Reseed(AgentStore store, ref Xoshiro256StarStar rng);
}
