using ResistanceSim.Engine.Random;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;

namespace ResistanceSim.Engine.Agents;

/// <summary>
/// The initial layout on a lattice. The layout offers sites — a ball: the N sites nearest the centre, for N initial
/// cells; a dish: every site — and each clone takes its cells from them: a clustered clone the free offered sites
/// nearest its cluster centre (one clump), then the scattered clones random free offered sites. The same resistant
/// fraction can so start dispersed or in one clump. Binding checked that the cells fit and centres lie on the lattice.
/// </summary>
internal static class LatticeSeeder
{
    public static void Seed(AgentStore store, LatticeGeometry geometry, Lattice lattice, SimulationRun run, ref Xoshiro256StarStar rng)
    {
        var clones = run.Clones;
        long total = clones.TotalCells;
        if (total > geometry.Sites)
            throw new InvalidOperationException($"{total} cells do not fit on a lattice of {geometry.Sites} sites.");
        var centre = lattice.Centre;
        bool[]? offered = null;
        int[] pool;
        if (lattice.Layout == InitialLayout.Ball)
        {
            pool = NearestSites(geometry, centre, (int)total, _ => true);
            offered = new bool[geometry.Sites];
            foreach (int site in pool) offered[site] = true;
        }
        else
        {
            pool = [.. Enumerable.Range(0, geometry.Sites)];
        }

        var specs = PlacementOf(run);
        for (int i = 0; i < clones.Count; i++)
        {
            if (specs[i] is not { Placement: Placement.Clustered } spec) continue;
            var at = spec.ClusterAt is { } c ? [.. c] : centre;
            foreach (int site in NearestSites(geometry, at, (int)clones.Cells[i], s => store.IsEmpty(s) && (offered is null || offered[s])))
                store.Place(site, i, 0);
        }

        // Partial Fisher–Yates over the offered sites still free.
        int free = 0;
        foreach (int site in pool)
            if (store.IsEmpty(site)) pool[free++] = site;
        for (int i = 0; i < clones.Count; i++)
        {
            if (specs[i] is { Placement: Placement.Clustered }) continue;
            for (long c = 0; c < clones.Cells[i]; c++)
            {
                int k = (int)rng.NextUInt64((ulong)free);
                store.Place(pool[k], i, 0);
                pool[k] = pool[--free];
            }
        }
    }

    /// <summary>For each clone now in the run, the scenario's initial clone of its genotype (its placement), or null.</summary>
    private static InitialClone?[] PlacementOf(SimulationRun run)
    {
        var initial = run.Scenario.Population.Initial;
        var genotypes = initial.Select(run.GenotypeOf).ToArray();
        var specs = new InitialClone?[run.Clones.Count];
        for (int i = 0; i < specs.Length; i++)
        {
            int k = Array.IndexOf(genotypes, run.Clones.Genotype[i]);
            specs[i] = k >= 0 ? initial[k] : null;
        }
        return specs;
    }

    /// <summary>
    /// The <paramref name="count"/> sites accepted by <paramref name="accept"/> nearest to <paramref name="centre"/>
    /// (ties by site number), in site order, searching a box that doubles until it holds enough or covers the lattice.
    /// Squared distances from a site to the centre are whole numbers, so the farthest distance needed is found by
    /// bisection over counts (no sort of the box, which for a ball of 1e5 cells in 3D holds ~9e5 sites).
    /// </summary>
    private static int[] NearestSites(LatticeGeometry geometry, IReadOnlyList<int> centre, int count, Func<int, bool> accept)
    {
        if (count == 0) return [];
        int cx = centre[0], cy = centre[1], cz = centre.Count > 2 ? centre[2] : 0;
        // First guess: a little more than the radius of a disc or ball of `count` sites (the result does not depend on
        // it; a box too small doubles, one too large costs time: a cube of side 2·count^(1/3) holds ~4 such balls).
        double reach = geometry.Z > 1 ? Math.Cbrt(3 * count / (4 * Math.PI)) : Math.Sqrt(count / Math.PI);
        int radius = (int)Math.Ceiling(reach) + 2;
        while (true)
        {
            int x0 = Math.Max(0, cx - radius), x1 = Math.Min(geometry.X - 1, cx + radius);
            int y0 = Math.Max(0, cy - radius), y1 = Math.Min(geometry.Y - 1, cy + radius);
            int z0 = Math.Max(0, cz - radius), z1 = Math.Min(geometry.Z - 1, cz + radius);
            long boxSites = (long)(x1 - x0 + 1) * (y1 - y0 + 1) * (z1 - z0 + 1);
            var sites = new int[boxSites];
            var distances = new long[boxSites];
            int found = 0;
            for (int z = z0; z <= z1; z++)   // in site order
                for (int y = y0; y <= y1; y++)
                    for (int x = x0; x <= x1; x++)
                    {
                        int site = geometry.Site(x, y, z);
                        if (!accept(site)) continue;
                        long dx = x - cx, dy = y - cy, dz = z - cz;
                        sites[found] = site;
                        distances[found++] = dx * dx + dy * dy + dz * dz;
                    }
            bool coversLattice = x0 == 0 && y0 == 0 && z0 == 0 && x1 == geometry.X - 1 && y1 == geometry.Y - 1 && z1 == geometry.Z - 1;
            // Enough sites in the box are only the nearest ones if the box contains the whole ball of that radius.
            if (found >= count || coversLattice)
            {
                if (found < count) throw new InvalidOperationException($"Only {found} free sites for {count} cells.");
                long needed = SmallestDistanceCovering(distances.AsSpan(0, found), count);
                if (coversLattice || needed <= (long)radius * radius)
                    return Within(sites.AsSpan(0, found), distances.AsSpan(0, found), needed, count);
            }
            radius *= 2;
        }
    }

    /// <summary>The least squared distance d with at least <paramref name="count"/> of <paramref name="distances"/> ≤ d.</summary>
    private static long SmallestDistanceCovering(ReadOnlySpan<long> distances, int count)
    {
        long low = 0, high = 0;
        foreach (long d in distances) high = Math.Max(high, d);
        while (low < high)
        {
            long middle = low + (high - low) / 2;
            int within = 0;
            foreach (long d in distances)
                if (d <= middle) within++;
            if (within >= count) high = middle;
            else low = middle + 1;
        }
        return low;
    }

    /// <summary>Every site nearer than <paramref name="needed"/>, and those at exactly that distance by site number, <paramref name="count"/> in all.</summary>
    private static int[] Within(ReadOnlySpan<int> sites, ReadOnlySpan<long> distances, long needed, int count)
    {
        int nearer = 0;
        foreach (long d in distances)
            if (d < needed) nearer++;
        int atBoundary = count - nearer;
        var chosen = new int[count];
        int k = 0;
        for (int j = 0; j < sites.Length; j++)
        {
            if (distances[j] > needed || (distances[j] == needed && atBoundary-- <= 0)) continue;
            chosen[k++] = sites[j];
        }
        return chosen;
    }
}
