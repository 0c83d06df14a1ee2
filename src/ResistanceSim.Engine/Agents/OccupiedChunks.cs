using System.Runtime.CompilerServices;
using ResistanceSim.Engine.Random;

namespace ResistanceSim.Engine.Agents;

/// <summary>
/// A set of chunks — runs of eight consecutive site numbers starting at a multiple of 8, one byte of the occupancy bits
/// — that contains every occupied site: a chunk is listed when a cell is first placed in it and stays listed when it
/// empties, until <see cref="DropEmpty"/>. A uniformly random site of the listed chunks, kept if occupied, is a
/// uniformly random cell, like a site of <see cref="OccupiedBox"/>; but the chunks follow the cells' shape, so a 3D
/// ball, which fills about half of its box, fills about nine tenths of its chunks (one draw in nine rejected instead
/// of one in two). Chunks need no geometry: a chunk may straddle the end of a row.
/// <para>
/// Memory: one bit per chunk for "listed" and 4 bytes per listed chunk, at most 0.52 bytes per site.
/// </para>
/// </summary>
internal sealed class OccupiedChunks
{
    /// <summary>Sites per chunk, as a power of 2.</summary>
    public const int SizeShift = 3;

    private const int OffsetMask = (1 << SizeShift) - 1;
    private const ulong ChunkBits = (1UL << (1 << SizeShift)) - 1;

    private int[] _list = [];
    private ulong[] _listed = [];
    private int _count;

    /// <summary>Sites in the listed chunks.</summary>
    public long Volume => (long)_count << SizeShift;

    /// <summary>Listed chunks.</summary>
    public int Count => _count;

    /// <summary>No chunk listed, for a store of <paramref name="sites"/> sites.</summary>
    public void Reset(int sites)
    {
        int words = WordsFor(sites);
        if (_listed.Length != words) _listed = new ulong[words];
        else Array.Clear(_listed);
        _count = 0;
    }

    /// <summary>Makes room for <paramref name="sites"/> sites (a well-mixed store whose ids grew), keeping the listed chunks.</summary>
    public void Widen(int sites)
    {
        int words = WordsFor(sites);
        if (words > _listed.Length) Array.Resize(ref _listed, words);
    }

    private static int WordsFor(int sites) => (int)((((long)sites >> SizeShift) + 64) >> 6);

    /// <summary>Lists the chunk of <paramref name="site"/> if it is not listed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Include(int site)
    {
        int chunk = site >> SizeShift;
        ref ulong word = ref _listed[chunk >> 6];
        ulong bit = 1UL << chunk;
        if ((word & bit) != 0) return;
        word |= bit;
        Append(chunk);
    }

    private void Append(int chunk)
    {
        if (_count == _list.Length) Array.Resize(ref _list, Math.Max(64, 2 * _list.Length));
        _list[_count++] = chunk;
    }

    /// <summary>A uniformly random site of the listed chunks (not when none is listed): one bounded draw splits into chunk and offset.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int RandomSite(ref Xoshiro256StarStar rng)
    {
        ulong index = rng.NextUInt64((ulong)_count << SizeShift);
        return (_list[(int)(index >> SizeShift)] << SizeShift) | (int)(index & OffsetMask);
    }

    /// <summary>Unlists every chunk none of whose sites is set in <paramref name="occupied"/> (one bit per site, as the store keeps them).</summary>
    public void DropEmpty(ulong[] occupied)
    {
        int kept = 0;
        for (int k = 0; k < _count; k++)
        {
            int chunk = _list[k];
            int first = chunk << SizeShift;
            if (((occupied[first >> 6] >> (first & 63)) & ChunkBits) != 0) _list[kept++] = chunk;
            else _listed[chunk >> 6] &= ~(1UL << chunk);
        }
        _count = kept;
    }
}
