using System.Collections;
using ResistanceSim.Engine.Running;

namespace ResistanceSim.Output.Shards;

/// <summary>
/// The work units of a run in their canonical order — point-major, then replicate (arm 0: arms are not
/// modelled yet) — or a contiguous slice of them. Computed on demand, so a million-unit sweep costs no memory.
/// </summary>
public sealed class WorkUnitRange : IReadOnlyList<WorkUnit>
{
    private readonly int _replicates;
    private readonly long _first;

    public WorkUnitRange(int points, int replicates, long first = 0, long? count = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(points, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(replicates, 1);
        Total = (long)points * replicates;
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        long length = count ?? Total - first;
        if (first + length > Total || length > int.MaxValue) throw new ArgumentOutOfRangeException(nameof(count));
        _replicates = replicates;
        _first = first;
        Count = (int)length;
    }

    /// <summary>Units in the whole run (all shards).</summary>
    public long Total { get; }

    public int Count { get; }

    public WorkUnit this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
            long unit = _first + index;
            return new WorkUnit(0, (int)(unit / _replicates), (int)(unit % _replicates));
        }
    }

    /// <summary>The part of this range after its first <paramref name="skip"/> units.</summary>
    public WorkUnitRange Skip(int skip) => new((int)(Total / _replicates), _replicates, _first + skip, Count - skip);

    public IEnumerator<WorkUnit> GetEnumerator()
    {
        for (int i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
