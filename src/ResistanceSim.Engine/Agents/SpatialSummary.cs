namespace ResistanceSim.Engine.Agents;

/// <summary>
/// The spatial state of a lattice at one sample. Resistant cells are those carrying any mechanism (the totals table's
/// <c>resistant_fraction</c>); distances are lattice steps under the scenario's neighbourhood (Chebyshev for Moore,
/// Manhattan for von Neumann), through empty and occupied sites alike.
/// </summary>
/// <param name="OccupiedFraction">Cells / sites.</param>
/// <param name="RadiusOfGyration">√(mean squared distance of the cells from their centroid), in sites (periodic wrap ignored).</param>
/// <param name="MeanDistanceResistantToSensitive">Mean over resistant cells of the steps to the nearest sensitive cell; NaN without both kinds.</param>
/// <param name="ResistantPatches">Connected groups of resistant cells (neighbours under the neighbourhood).</param>
public readonly record struct SpatialSummary(double OccupiedFraction, double RadiusOfGyration, double MeanDistanceResistantToSensitive, int ResistantPatches);
