using ResistanceSim.Engine.Observation;

namespace ResistanceSim.Output.Tables;

/// <summary><c>spatial/</c> (agent engine on a lattice): one row per sample — how full the lattice is and how the resistant cells lie.</summary>
public sealed class SpatialTable : IRunTable
{
    public string Name => "spatial";

    public IReadOnlyList<ColumnSpec> Columns { get; } =
    [
        .. WorkUnitColumns.Specs,
        new("time_days", ColumnType.Double, false, "day", "sample time"),
        new("occupied_fraction", ColumnType.Double, false, "fraction", "cells / lattice sites"),
        new("radius_of_gyration", ColumnType.Double, false, "sites", "root-mean-square distance of the cells from their centroid"),
        new("resistant_to_sensitive_distance", ColumnType.Double, true, "sites", "mean lattice steps from a resistant cell to the nearest sensitive cell; null without both"),
        new("resistant_patches", ColumnType.Int32, false, "", "connected groups of resistant cells (neighbours under the lattice's neighbourhood)"),
    ];

    public void Fill(WorkUnitResult result, TableBatch batch)
    {
        batch.Reset(result.SpatialDay.Count);
        WorkUnitColumns.Fill(result, batch);
        result.SpatialDay.Span.CopyTo(batch.Double(3));
        result.OccupiedFraction.Span.CopyTo(batch.Double(4));
        result.RadiusOfGyration.Span.CopyTo(batch.Double(5));
        var distance = result.ResistantToSensitiveDistance.Span;
        for (int r = 0; r < distance.Length; r++) batch.SetDoubleOrNull(6, r, distance[r]);
        result.ResistantPatches.Span.CopyTo(batch.Int32(7));
    }
}
