namespace ResistanceSim.Model;

/// <summary>Which sites count as a site's neighbours.</summary>
public enum Neighbourhood
{
    /// <summary>Sites sharing a face: 4 in 2D, 6 in 3D.</summary>
    VonNeumann,

    /// <summary>Sites sharing a face, edge or corner: 8 in 2D, 26 in 3D.</summary>
    Moore,
}

/// <summary>What lies beyond the lattice's edge.</summary>
public enum LatticeBoundary
{
    /// <summary>A wall: sites off the lattice do not exist (a dish's rim).</summary>
    Fixed,

    /// <summary>The lattice wraps around (a torus): no edge effects.</summary>
    Periodic,
}

/// <summary>Where the initial cells go.</summary>
public enum InitialLayout
{
    /// <summary>A compact disc (2D) or ball (3D) of all initial cells at the lattice's centre: a tumour.</summary>
    Ball,

    /// <summary>Cells seeded at random sites over the whole lattice, at the density the initial counts give: a dish.</summary>
    Dish,
}

/// <summary>How the cells of one initial clone are placed inside the layout.</summary>
public enum Placement
{
    /// <summary>At random sites among those the layout offers.</summary>
    Scattered,

    /// <summary>One clump: the free sites of the layout nearest to the clone's cluster centre.</summary>
    Clustered,
}

/// <summary>
/// The agent engine's space: a square (2D) or cubic (3D) lattice of sites, each holding at most one cell.
/// A cell divides only into an empty neighbouring site (contact inhibition), or pushes a chain of up to
/// <see cref="PushDepth"/> cells outwards to make room.
/// </summary>
/// <param name="Size">Sites along each axis (2 or 3 entries).</param>
public sealed record Lattice(IReadOnlyList<int> Size, Neighbourhood Neighbourhood, LatticeBoundary Boundary, InitialLayout Layout, int PushDepth)
{
    /// <summary>Bytes per site: the occupant's clone slot and cell-cycle stage (4) and its place in its clone's list (4).</summary>
    public const int BytesPerSite = 8;

    /// <summary>Bytes per living cell beyond its site: its entry in its clone's list of sites.</summary>
    public const int BytesPerCell = 4;

    /// <summary>Days between snapshots of every cell (the <c>cells/</c> table and lattice frames); infinity for none.</summary>
    public double SnapshotEveryDays { get; init; } = double.PositiveInfinity;

    /// <summary>Most cells one snapshot records; a larger population is thinned to every k-th cell in site order.</summary>
    public long MaxSnapshotCells { get; init; } = DefaultMaxSnapshotCells;

    public const long DefaultMaxSnapshotCells = 100_000;

    /// <summary>The drug diffusion field; null when every cell sees the plasma level (uniform drug).</summary>
    public DrugField? DrugField { get; init; }

    public int Dims => Size.Count;

    /// <summary>Number of sites: the product of <see cref="Size"/>.</summary>
    public long Sites
    {
        get
        {
            long sites = 1;
            foreach (int s in Size) sites *= s;
            return sites;
        }
    }

    /// <summary>Bytes per site of the drug field, when there is one: the fraction at the site (8), whether it is a vessel (1) and whether a cell takes drug up there (1).</summary>
    public const int BytesPerFieldSite = 10;

    /// <summary>Memory one replicate's lattice needs when every site is occupied (the engine's worst case), with its drug field.</summary>
    public double MemoryBytes => (double)Sites * BytesPerFullSite;

    /// <summary>Bytes per occupied site: the site, its cell and the drug field's share.</summary>
    public int BytesPerFullSite => BytesPerSite + BytesPerCell + (DrugField is null ? 0 : BytesPerFieldSite);

    /// <summary>The centre site's coordinates.</summary>
    public int[] Centre => [.. Size.Select(s => s / 2)];
}
