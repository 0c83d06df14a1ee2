using System.Numerics;
using System.Runtime.CompilerServices;
using ResistanceSim.Engine.Random;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;

namespace ResistanceSim.Engine.Agents;

/// <summary>
/// A 2D or 3D lattice, one cell per site. A new cell goes to an empty neighbour chosen uniformly; with none, and
/// a push depth p &gt; 0, the parent pushes along one random direction: the first empty site within p steps takes
/// the chain's outermost cell, every cell of the chain moves one step out, and the daughter takes the parent's
/// neighbour (a chain longer than p, or the lattice's edge, means no division).
/// </summary>
internal sealed class LatticeSpace(Lattice lattice) : IAgentSpace
{
    private readonly LatticeGeometry _geometry = new(lattice);
    private readonly int[] _chain = new int[lattice.PushDepth + 1];
    private readonly int[] _emptyNeighbours = new int[26];

    public LatticeGeometry Geometry => _geometry;

    public void Seed(AgentStore store, SimulationRun run, ref Xoshiro256StarStar rng)
    {
        store.Reset(_geometry.X, _geometry.Y, _geometry.Z);
        for (int i = 0; i < run.Clones.Count; i++) store.TrackNewClone(i);
        LatticeSeeder.Seed(store, _geometry, lattice, run, ref rng);
    }

    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    public int SiteForNewCell(AgentStore store, int parentSite, ref Xoshiro256StarStar rng)
    {
        int directions = _geometry.Directions;
        _geometry.Coordinates(parentSite, out int x, out int y, out int z);
        if (_geometry.IsInterior(x, y, z))
        {
            uint free = EmptyNeighbours(store, parentSite);
            if (free != 0)
            {
                int pick = BitOperations.IsPow2(free) ? 0 : (int)rng.NextUInt64((ulong)BitOperations.PopCount(free));
                return parentSite + _geometry.WindowOffset(NthSetBit(free, pick));
            }
        }
        else
        {
            int empty = 0;
            for (int d = 0; d < directions; d++)
            {
                int neighbour = _geometry.Neighbour(parentSite, d);
                if (neighbour >= 0 && store.IsEmpty(neighbour)) _emptyNeighbours[empty++] = neighbour;
            }
            if (empty > 0) return _emptyNeighbours[empty == 1 ? 0 : (int)rng.NextUInt64((ulong)empty)];
        }
        return lattice.PushDepth > 0 ? Push(store, parentSite, (int)rng.NextUInt64((ulong)directions)) : -1;
    }

    /// <summary>
    /// The empty neighbours of an interior site as window bits (<see cref="LatticeGeometry.RowStarts"/>), in direction
    /// order: one read of three occupancy bits per row (3 in 2D, 9 in 3D) instead of a test per neighbour.
    /// </summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    private uint EmptyNeighbours(AgentStore store, int site)
    {
        var rowStarts = _geometry.RowStarts;
        uint occupied = 0;
        for (int r = 0; r < rowStarts.Length; r++) occupied |= store.OccupiedTriple(site + rowStarts[r]) << (3 * r);
        return ~occupied & _geometry.WindowNeighbours;
    }

    /// <summary>The position of the <paramref name="k"/>-th set bit of <paramref name="bits"/> (from 0, lowest first).</summary>
    private static int NthSetBit(uint bits, int k)
    {
        for (; k > 0; k--) bits &= bits - 1;
        return BitOperations.TrailingZeroCount(bits);
    }

    private int Push(AgentStore store, int parentSite, int direction)
    {
        int site = parentSite;
        for (int step = 0; step <= lattice.PushDepth; step++)
        {
            site = _geometry.Neighbour(site, direction);
            if (site < 0) return -1;
            _chain[step] = site;
            if (!store.IsEmpty(site))
                continue;
            for (int k = step; k > 0; k--) store.Move(_chain[k - 1], _chain[k]);
            return _chain[0];
        }
        return -1;
    }

    public void Released(int site)
    {
        // The site is empty again; the store already knows.
    }

    public void Reseed(AgentStore store, ref Xoshiro256StarStar rng)
    {
        var occupied = new List<int>((int)Math.Min(store.Count, int.MaxValue));
        for (int site = 0; site < _geometry.Sites; site++)
            if (!store.IsEmpty(site)) occupied.Add(site);
        ulong sites = (ulong)_geometry.Sites;
        foreach (int from in occupied)
        {
            // Its own site is empty once it leaves, so a free site always exists and the draw ends.
            int to;
            do to = (int)rng.NextUInt64(sites);
            while (to != from && !store.IsEmpty(to));
            if (to != from) store.Move(from, to);
        }
    }
}
