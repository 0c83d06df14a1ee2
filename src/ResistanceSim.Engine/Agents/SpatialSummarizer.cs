using ResistanceSim.Engine.Running;
using ResistanceSim.Model;

namespace ResistanceSim.Engine.Agents;

/// <summary>
/// Computes <see cref="SpatialSummary"/> from an agent run: one pass over the occupied sites (read from the occupancy
/// bits, so a sparse lattice costs its cells, not its sites) for the moments, then — only when resistant cells exist —
/// a multi-source breadth-first search from every sensitive cell for the distances, stopped once every resistant cell
/// is reached, and a flood fill for the resistant patches. Without resistant cells (most samples of a run) only the
/// first pass runs and the search's buffers are never allocated. Buffers are kept between samples.
/// </summary>
public sealed class SpatialSummarizer
{
    private int[] _distance = [];
    private int[] _queue = [];

    /// <summary>The summary of <paramref name="engine"/>'s current lattice; null when the run is well mixed.</summary>
    public SpatialSummary? Summarize(AgentMethod engine, SimulationRun run)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(run);
        if (engine.Geometry is not { } geometry) return null;
        var store = engine.Store;
        int sites = geometry.Sites;
        var genotype = run.Clones.Genotype;

        double sx = 0, sy = 0, sz = 0, sxx = 0;
        long cells = 0, resistant = 0;
        foreach (int site in store.OccupiedSites)
        {
            geometry.Coordinates(site, out int x, out int y, out int z);
            sx += x; sy += y; sz += z;
            sxx += (double)x * x + (double)y * y + (double)z * z;
            cells++;
            if (genotype[store.CloneAt(site)] != GenotypeLayout.Parental) resistant++;
        }
        if (cells == 0) return new SpatialSummary(0, 0, double.NaN, 0);
        double gyration = Math.Sqrt(Math.Max(0, sxx / cells - (sx * sx + sy * sy + sz * sz) / ((double)cells * cells)));
        if (resistant == 0) return new SpatialSummary((double)cells / sites, gyration, double.NaN, 0);

        if (_distance.Length != sites)
        {
            _distance = new int[sites];
            _queue = new int[sites];
        }
        Array.Fill(_distance, -1);
        int head = 0, tail = 0;
        foreach (int site in store.OccupiedSites)
        {
            if (genotype[store.CloneAt(site)] != GenotypeLayout.Parental) continue;
            _distance[site] = 0;
            _queue[tail++] = site;
        }

        // A site's distance is final when the search first reaches it, so the search can stop at the last resistant cell.
        bool anySensitive = tail > 0;
        long reached = 0;
        while (head < tail && reached < resistant)
        {
            int site = _queue[head++];
            for (int d = 0; d < geometry.Directions; d++)
            {
                int next = geometry.Neighbour(site, d);
                if (next < 0 || _distance[next] >= 0) continue;
                _distance[next] = _distance[site] + 1;
                _queue[tail++] = next;
                if (IsResistant(store, genotype, next)) reached++;
            }
        }

        double distanceSum = 0;
        int patches = 0;
        foreach (int site in store.OccupiedSites)
            if (IsResistant(store, genotype, site)) distanceSum += _distance[site];
        // Flood fill of resistant cells; −2 marks a resistant cell already in a patch (distances are read above).
        foreach (int site in store.OccupiedSites)
        {
            if (_distance[site] == -2 || !IsResistant(store, genotype, site)) continue;
            patches++;
            head = tail = 0;
            _distance[site] = -2;
            _queue[tail++] = site;
            while (head < tail)
            {
                int current = _queue[head++];
                for (int d = 0; d < geometry.Directions; d++)
                {
                    int next = geometry.Neighbour(current, d);
                    if (next < 0 || _distance[next] == -2 || !IsResistant(store, genotype, next)) continue;
                    _distance[next] = -2;
                    _queue[tail++] = next;
                }
            }
        }
        double meanDistance = anySensitive && resistant > 0 ? distanceSum / resistant : double.NaN;
        return new SpatialSummary((double)cells / sites, gyration, meanDistance, patches);
    }

    private static bool IsResistant(AgentStore store, ReadOnlySpan<ulong> genotype, int site) =>
        !store.IsEmpty(site) && genotype[store.CloneAt(site)] != GenotypeLayout.Parental;
}
