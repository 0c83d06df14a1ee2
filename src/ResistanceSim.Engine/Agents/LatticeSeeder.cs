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
    /// (ties by site number), searching a box that doubles until it holds enough or covers the lattice.
    /// </summary>
    private static int[] NearestSites(LatticeGeometry geometry, IReadOnlyList<int> centre, int count, Func<int, bool> accept)
    {
        if (count == 0) return [];
        int cx = centre[0], cy = centre[1], cz = centre.Count > 2 ? centre[2] : 0;
        int radius = Math.Max(1, (int)Math.Ceiling(Math.Pow(count, 1.0 / (geometry.Z > 1 ? 3 : 2))));
        while (true)
        {
            var sites = new List<int>();
            var distances = new List<double>();
            int x0 = Math.Max(0, cx - radius), x1 = Math.Min(geometry.X - 1, cx + radius);
            int y0 = Math.Max(0, cy - radius), y1 = Math.Min(geometry.Y - 1, cy + radius);
            int z0 = Math.Max(0, cz - radius), z1 = Math.Min(geometry.Z - 1, cz + radius);
            for (int z = z0; z <= z1; z++)
                for (int y = y0; y <= y1; y++)
                    for (int x = x0; x <= x1; x++)
                    {
                        int site = geometry.Site(x, y, z);
                        if (!accept(site)) continue;
                        sites.Add(site);
                        distances.Add(geometry.DistanceSquared(site, cx, cy, cz));
                    }
            bool coversLattice = x0 == 0 && y0 == 0 && z0 == 0 && x1 == geometry.X - 1 && y1 == geometry.Y - 1 && z1 == geometry.Z - 1;
            // Enough sites in the box are only the nearest ones if the box contains the whole ball of that radius.
            if (sites.Count >= count || coversLattice)
            {
                var siteArray = sites.ToArray();
                var keys = distances.ToArray();
                Array.Sort(keys, siteArray);
                var chosen = siteArray.AsSpan(0, Math.Min(count, siteArray.Length));
                double needed = keys[chosen.Length - 1];
                if (coversLattice || needed <= (double)radius * radius)
                {
                    if (chosen.Length < count) throw new InvalidOperationException($"Only {chosen.Length} free sites for {count} cells.");
                    return chosen.ToArray();
                }
            }
            radius *= 2;
        }
    }
}
