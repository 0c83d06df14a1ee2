using System.Runtime.CompilerServices;
using ResistanceSim.Engine.Random;

namespace ResistanceSim.Engine.Agents;

/// <summary>
/// A box of sites x0..x1 × y0..y1 × z0..z1 on an X × Y × Z grid (sites numbered x + X·(y + Y·z)) that contains every
/// occupied site: it grows with each placed cell and is only made tight again by <see cref="Clear"/> and a scan. A
/// uniformly random site of the box, kept if occupied, is a uniformly random cell, so a clone that is the only one on
/// the lattice can be drawn by rejection against the occupancy bits as long as it fills a fair share of its box — the
/// whole dish once it is confluent, about half of the box around a 3D ball — without keeping a list of its cells.
/// A well-mixed store is a grid of one row.
/// </summary>
internal sealed class OccupiedBox
{
    private int _x, _y, _z;
    private Divisor _byX, _byY;
    private int _x0, _x1, _y0, _y1, _z0, _z1;   // inclusive; empty when _x0 > _x1
    private Divisor _byWidth, _byDepth;   // the box's sides along x and y, for splitting an index into it
    private int _width, _depth;
    private int _first;   // the box's lowest site
    private bool _contiguous;   // whether the box's sites are _first, _first + 1, … (full rows, and full planes if several)

    /// <summary>Sites in the box (0 when empty).</summary>
    public long Volume { get; private set; }

    /// <summary>Whether the box is the whole grid, so that no placement can grow it.</summary>
    public bool IsWholeGrid { get; private set; }

    /// <summary>An empty box on a grid of <paramref name="x"/> × <paramref name="y"/> × <paramref name="z"/> sites.</summary>
    public void Reset(int x, int y, int z)
    {
        _x = x;
        _y = y;
        _z = z;
        _byX = new Divisor(Math.Max(1, x));
        _byY = new Divisor(Math.Max(1, y));
        Clear();
    }

    /// <summary>Widens a one-row grid (a well-mixed store whose ids grew), keeping the box.</summary>
    public void Widen(int x)
    {
        if (_y != 1 || _z != 1) throw new InvalidOperationException("Only a grid of one row can be widened.");
        _x = x;
        _byX = new Divisor(x);
        IsWholeGrid = false;
        if (Volume > 0) Describe();
    }

    /// <summary>Empties the box (before the occupied sites are included again, to make it tight).</summary>
    public void Clear()
    {
        _x0 = _y0 = _z0 = int.MaxValue;
        _x1 = _y1 = _z1 = -1;
        Volume = 0;
        IsWholeGrid = false;
    }

    /// <summary>Grows the box to contain <paramref name="site"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Include(int site)
    {
        if (IsWholeGrid) return;
        int rest = _byX.Divide(site);
        int x = site - rest * _x, z = _byY.Divide(rest), y = rest - z * _y;
        if (x < _x0 || x > _x1 || y < _y0 || y > _y1 || z < _z0 || z > _z1) Grow(x, y, z);
    }

    private void Grow(int x, int y, int z)
    {
        _x0 = Math.Min(_x0, x);
        _x1 = Math.Max(_x1, x);
        _y0 = Math.Min(_y0, y);
        _y1 = Math.Max(_y1, y);
        _z0 = Math.Min(_z0, z);
        _z1 = Math.Max(_z1, z);
        Describe();
    }

    private void Describe()
    {
        _width = _x1 - _x0 + 1;
        _depth = _y1 - _y0 + 1;
        _byWidth = new Divisor(_width);
        _byDepth = new Divisor(_depth);
        Volume = (long)_width * _depth * (_z1 - _z0 + 1);
        _first = _x0 + _x * (_y0 + _y * _z0);
        _contiguous = _width == _x && (_depth == _y || _z0 == _z1);
        IsWholeGrid = Volume == (long)_x * _y * _z;
    }

    /// <summary>A uniformly random site of the box (not for an empty box). The whole grid's box draws site = index, one draw.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int RandomSite(ref Xoshiro256StarStar rng)
    {
        int index = (int)rng.NextUInt64((ulong)Volume);
        if (_contiguous) return _first + index;
        int rest = _byWidth.Divide(index);
        int dz = _byDepth.Divide(rest);
        return _first + (index - rest * _width) + _x * ((rest - dz * _depth) + _y * dz);
    }
}
