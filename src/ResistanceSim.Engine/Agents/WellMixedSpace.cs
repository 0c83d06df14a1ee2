using ResistanceSim.Engine.Random;
using ResistanceSim.Engine.Running;

namespace ResistanceSim.Engine.Agents;

/// <summary>
/// No space (<c>space: { kind: none }</c>): every new cell finds room, neighbours do not exist, so the agent engine
/// samples the same Markov chain as the clone engines (with exponential cycles). Sites are just cell ids, reused
/// when cells die.
/// </summary>
internal sealed class WellMixedSpace : IAgentSpace
{
    private int[] _free = new int[64];
    private int _freeCount;
    private int _nextId;

    public void Seed(AgentStore store, SimulationRun run, ref Xoshiro256StarStar rng)
    {
        _freeCount = 0;
        _nextId = 0;
        store.Reset(0);
        var clones = run.Clones;
        for (int i = 0; i < clones.Count; i++)
        {
            store.TrackNewClone(i);
            for (long c = 0; c < clones.Cells[i]; c++) store.Place(NewId(store), i, 0);
        }
    }

    public int SiteForNewCell(AgentStore store, int parentSite, ref Xoshiro256StarStar rng) => NewId(store);

    public void Released(int site)
    {
        if (_freeCount == _free.Length) Array.Resize(ref _free, 2 * _free.Length);
        _free[_freeCount++] = site;
    }

    public void Reseed(AgentStore store, ref Xoshiro256StarStar rng)
    {
        // Well mixed: where a cell sits means nothing.
    }

    private int NewId(AgentStore store)
    {
        if (_freeCount > 0) return _free[--_freeCount];
        if (_nextId == int.MaxValue) throw new InvalidOperationException("The well-mixed agent engine holds at most 2^31 − 1 cells.");
        store.EnsureSites(_nextId + 1);
        return _nextId++;
    }
}
