namespace ResistanceSim.Model;

/// <summary>Where free drug enters the lattice.</summary>
public enum DrugSources
{
    /// <summary>The medium beyond the listed faces of the lattice (a spheroid or tumour slice bathed in medium).</summary>
    Surface,

    /// <summary>Point sources at random sites, a given fraction of all sites (capillaries through a tumour).</summary>
    Vessels,
}

/// <summary>A face of the lattice's bounding box.</summary>
public enum LatticeFace
{
    XMin,
    XMax,
    YMin,
    YMax,
    ZMin,
    ZMax,
}

/// <summary>
/// The agent engine's drug diffusion field: free drug enters at the sources at the plasma (or medium) level and is
/// taken up by the cells it passes. Diffusion (seconds to minutes across a few hundred µm) is far faster than cell
/// events (hours), so the field is the quasi-steady solution of D∇²c − k·occupied(x)·c = 0, with c equal to the plasma
/// level at the sources; every cell sees the plasma concentration times the field's fraction f ∈ [0, 1] at its site.
/// </summary>
/// <param name="Sources">Where drug enters.</param>
/// <param name="DiffusionLengthSites">L = √(D/k) in lattice sites: the distance over which the free drug falls by a
/// factor e through tissue packed with cells.</param>
/// <param name="UpdateEveryDays">Days between solutions of the field (it is also solved again after each passage).</param>
public sealed record DrugField(DrugSources Sources, double DiffusionLengthSites, double UpdateEveryDays)
{
    /// <summary>Surface sources: the faces in contact with the medium; the others let no drug through.</summary>
    public IReadOnlyList<LatticeFace> Faces { get; init; } = [];

    /// <summary>Vessel sources: the fraction of sites that are vessels (at least one vessel is placed).</summary>
    public double VesselDensity { get; init; }

    /// <summary>Default days between field solutions: well below a cell cycle, so the field follows the cells (illustrative).</summary>
    public const double DefaultUpdateEveryDays = 0.25;
}
