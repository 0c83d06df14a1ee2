using System.Collections;
using ResistanceSim.Engine.Running;

namespace ResistanceSim.Output.Shards;

/// <summary>
/// The work units of a run in their canonical order — arm-major, then point (sweep point or patient), then
/// replicate — or a contiguous slice of them. Arms may run different numbers of points (a trial's arms can
/// treat 172 and 171 of the same cohort). Computed on demand, so a million-unit sweep costs no memory.
/// </summary>
public sealed class WorkUnitRange : IReadOnlyList<WorkUnit>
{
    private readonly int[] _pointsPerArm;
    private readonly long[] _armStart;   // first unit index of each arm
    private readonly int _replicates;
    private readonly long _first;

    /// <summary>One arm of <paramref name="points"/> points.</summary>
    public WorkUnitRange(int points, int replicates, long first = 0, long? count = null)
        : this([points], replicates, first, count) { }

    public WorkUnitRange(IReadOnlyList<int> pointsPerArm, int replicates, long first = 0, long? count = null)
    {
        ArgumentNullException.ThrowIfNull(pointsPerArm);
        ArgumentOutOfRangeException.ThrowIfLessThan(pointsPerArm.Count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(replicates, 1);
        _pointsPerArm = [.. pointsPerArm];
        _armStart = new long[_pointsPerArm.Length];
        long total = 0;
        for (int a = 0; a < _pointsPerArm.Length; a++)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(_pointsPerArm[a], 1);
            _armStart[a] = total;
            total += (long)_pointsPerArm[a] * replicates;
        }
        Total = total;
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
            int arm = _armStart.Length - 1;
            while (_armStart[arm] > unit) arm--;
            long withinArm = unit - _armStart[arm];
            return new WorkUnit(arm, (int)(withinArm / _replicates), (int)(withinArm % _replicates));
        }
    }

    /// <summary>The part of this range after its first <paramref name="skip"/> units.</summary>
    public WorkUnitRange Skip(int skip) => new(_pointsPerArm, _replicates, _first + skip, Count - skip);

    public IEnumerator<WorkUnit> GetEnumerator()
    {
        for (int i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
