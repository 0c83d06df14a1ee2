using ResistanceSim.Model;
using ResistanceSim.Scenarios.Yaml;

namespace ResistanceSim.Scenarios.Binding;

/// <summary>Binds an initial clone's <c>placement</c> and <c>cluster_at</c> (agent engine on a lattice).</summary>
internal static class InitialPlacementBinder
{
    public static InitialClone Bind(MapReader item, InitialClone clone, Lattice? lattice)
    {
        var placement = item.Enum<Placement>("placement", Placement.Scattered);
        var at = item.Doubles("cluster_at", SpaceBinder.CoordinateRule);
        if (lattice is null)
        {
            item.Report(item.Has("placement") ? "placement" : "cluster_at", "needs engine: agents with a lattice (space:)");
            return clone;
        }
        if (at.Count > 0 && placement != Placement.Clustered)
            item.Report("cluster_at", "needs placement: clustered");
        int[]? centre = null;
        if (at.Count > 0)
        {
            centre = [.. at.Select(v => (int)v)];
            if (centre.Length != lattice.Dims)
                item.Report("cluster_at", $"must give {lattice.Dims} coordinates, one per dimension ({centre.Length} given)");
            else if (Enumerable.Range(0, lattice.Dims).FirstOrDefault(d => centre[d] >= lattice.Size[d], -1) is var outside and >= 0)
                item.Report("cluster_at", $"lies outside the lattice: coordinate {outside} is {centre[outside]}, the lattice's sites run 0..{lattice.Size[outside] - 1} (space.size {string.Join(" × ", lattice.Size)})");
        }
        return clone with { Placement = placement, ClusterAt = centre };
    }
}
