using System.Runtime.CompilerServices;
using ResistanceSim.Model;

namespace ResistanceSim.Engine.Agents;

/// <summary>
/// Sites of a 2D or 3D lattice numbered x + X·(y + Y·z), and their neighbours under the scenario's neighbourhood and
/// boundary. A 2D lattice is a 3D one of depth 1 whose neighbourhood has no z offsets.
/// </summary>
internal sealed class LatticeGeometry
{
    private readonly int[] _dx;
    private readonly int[] _dy;
    private readonly int[] _dz;
    private readonly int[] _rowStart;
    private readonly int[] _windowOffset;
    private readonly bool _periodic;
    private readonly bool _flat;
    private readonly Divisor _byX;
    private readonly Divisor _byY;

    public LatticeGeometry(Lattice lattice)
    {
        ArgumentNullException.ThrowIfNull(lattice);
        X = lattice.Size[0];
        Y = lattice.Size[1];
        Z = lattice.Dims == 3 ? lattice.Size[2] : 1;
        Sites = checked(X * Y * Z);
        _periodic = lattice.Boundary == LatticeBoundary.Periodic;
        var offsets = new List<(int, int, int)>();
        int zRange = lattice.Dims == 3 ? 1 : 0;
        for (int dz = -zRange; dz <= zRange; dz++)
            for (int dy = -1; dy <= 1; dy++)
                for (int dx = -1; dx <= 1; dx++)
                {
                    int steps = Math.Abs(dx) + Math.Abs(dy) + Math.Abs(dz);
                    if (steps == 0 || (lattice.Neighbourhood == Neighbourhood.VonNeumann && steps > 1)) continue;
                    offsets.Add((dx, dy, dz));
                }
        _dx = [.. offsets.Select(o => o.Item1)];
        _dy = [.. offsets.Select(o => o.Item2)];
        _dz = [.. offsets.Select(o => o.Item3)];
        // The neighbourhood as rows of three sites (dx = −1, 0, 1) for each (dy, dz) it reaches, in direction order:
        // dx is the innermost loop above, so bit 3·row + dx + 1 of a window follows the directions' order.
        var rows = offsets.Select(o => (o.Item2, o.Item3)).Distinct().ToArray();
        _rowStart = [.. rows.Select(r => X * (r.Item1 + Y * r.Item2) - 1)];
        _windowOffset = new int[3 * rows.Length];
        foreach (var (dx, dy, dz) in offsets)
        {
            int bit = 3 * Array.IndexOf(rows, (dy, dz)) + dx + 1;
            _windowOffset[bit] = dx + X * (dy + Y * dz);
            WindowNeighbours |= 1u << bit;
        }
        _flat = lattice.Dims == 2;
        _byX = new Divisor(X);
        _byY = new Divisor(Y);
    }

    public int X { get; }
    public int Y { get; }
    public int Z { get; }
    public int Sites { get; }

    /// <summary>Neighbours of a site away from the boundary: 4 or 8 in 2D, 6 or 26 in 3D.</summary>
    public int Directions => _dx.Length;

    public int Site(int x, int y, int z) => x + X * (y + Y * z);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Coordinates(int site, out int x, out int y, out int z)
    {
        int rest = _byX.Divide(site);
        x = site - rest * X;
        z = _byY.Divide(rest);
        y = rest - z * Y;
    }

    /// <summary>
    /// Whether every neighbour of the site at (x, y, z) lies on the lattice without wrapping, so that each is simply
    /// site + a <see cref="WindowOffset"/> — the fast path of the engine's neighbour scans.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsInterior(int x, int y, int z) =>
        x > 0 && x < X - 1 && y > 0 && y < Y - 1 && (_flat || (z > 0 && z < Z - 1));

    /// <summary>
    /// The neighbourhood of an interior site as a window: for each row r, the offset of its first site (dx = −1) from
    /// the centre; the row's three sites are bits 3r, 3r + 1, 3r + 2 of a window, and <see cref="WindowNeighbours"/>
    /// marks the bits that are neighbours (not the centre, nor a diagonal of a von Neumann neighbourhood).
    /// </summary>
    public ReadOnlySpan<int> RowStarts => _rowStart;

    /// <summary>The bits of a window (<see cref="RowStarts"/>) that are neighbours, in direction order from bit 0 up.</summary>
    public uint WindowNeighbours { get; }

    /// <summary>The difference in site number to the neighbour at bit <paramref name="bit"/> of a window.</summary>
    public int WindowOffset(int bit) => _windowOffset[bit];

    /// <summary>The neighbour of <paramref name="site"/> in <paramref name="direction"/>, or −1 beyond a fixed boundary.</summary>
    public int Neighbour(int site, int direction)
    {
        Coordinates(site, out int x, out int y, out int z);
        x += _dx[direction];
        y += _dy[direction];
        z += _dz[direction];
        if (_periodic)
        {
            x = Wrap(x, X);
            y = Wrap(y, Y);
            z = Wrap(z, Z);
        }
        else if ((uint)x >= (uint)X || (uint)y >= (uint)Y || (uint)z >= (uint)Z)
        {
            return -1;
        }
        return Site(x, y, z);
    }

    private static int Wrap(int value, int size) => value < 0 ? value + size : value >= size ? value - size : value;
}
