using System.Runtime.CompilerServices;
using ResistanceSim.Engine.Random;

namespace ResistanceSim.Engine.State;

/// <summary>
/// Composition–rejection sampling of an index in proportion to non-negative weights (Slepoy, Thompson &amp; Plimpton
/// 2008, J Chem Phys 128:205101): weights are grouped by their binary exponent, a group is chosen by a scan of the
/// groups' sums (heaviest exponent first, so the scan usually ends at the first), and a member of the group by
/// rejection against the group's bound: the largest weight it has held since it was last formed, never above the
/// exponent's power of two, so at least half the candidates are accepted and, when a group's weights are close (clones
/// of similar size), nearly all of them. Choosing and updating
/// cost O(1) in the number of weights, against O(log n) of a Fenwick tree and its data-dependent branches.
/// Group sums are running totals that drift under floating-point add and subtract; <see cref="Rebuild"/> regroups the
/// stored weights from scratch (exact sums, members in index order), and an emptied group's sum is reset to exactly 0.
/// </summary>
public sealed class CompositionRejectionSampler
{
    private const int Groups = 2048;   // every exponent of a double

    private double[] _weights = new double[16];
    private int[] _group = new int[16];      // the weight's group (its binary exponent), −1 when the weight is 0
    private int[] _position = new int[16];   // its place in the group's member list
    private readonly int[]?[] _members = new int[Groups][];
    private readonly int[] _memberCount = new int[Groups];
    private readonly double[] _groupSum = new double[Groups];
    private readonly double[] _groupBound = new double[Groups];   // ≥ every member's weight; see Sample
    private readonly int[] _active = new int[Groups];   // non-empty groups, highest exponent first
    private int _activeCount;
    private int _size;

    public CompositionRejectionSampler() => _group.AsSpan().Fill(-1);

    public int Size => _size;

    /// <summary>Whether every weight is 0 (whatever the running sums' rounding says).</summary>
    public bool IsEmpty => _activeCount == 0;

    public double this[int index] => _weights[index];

    /// <summary>Sum of the weights as the groups hold it (subject to drift until <see cref="Rebuild"/>).</summary>
    public double Total
    {
        get
        {
            double sum = 0;
            for (int a = 0; a < _activeCount; a++) sum += _groupSum[_active[a]];
            return sum;
        }
    }

    /// <summary>Sets the number of slots; slots beyond it are zeroed. Grows storage by doubling.</summary>
    public void SetSize(int size)
    {
        for (int i = size; i < _size; i++) Set(i, 0);
        if (size > _weights.Length)
        {
            int capacity = Math.Max(size, _weights.Length * 2);
            int old = _weights.Length;
            Array.Resize(ref _weights, capacity);
            Array.Resize(ref _group, capacity);
            Array.Resize(ref _position, capacity);
            _group.AsSpan(old).Fill(-1);
        }
        _size = size;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Set(int index, double weight)
    {
        double old = _weights[index];
        if (old == weight) return;
        _weights[index] = weight;
        int from = _group[index];
        int to = weight > 0 ? Exponent(weight) : -1;
        if (from == to)
        {
            _groupSum[from] += weight - old;
            RaiseBound(from, weight);
            return;
        }
        if (from >= 0) Leave(index, from, old);
        if (to >= 0) Join(index, to, weight);
        _group[index] = to;
    }

    /// <summary>
    /// Stores a weight without regrouping it, for reloading every weight at once: <see cref="Rebuild"/> must follow
    /// before the sampler is used again (it regroups from the stored weights, so moving each one between groups first
    /// would be work thrown away).
    /// </summary>
    public void Load(int index, double weight) => _weights[index] = weight;

    /// <summary>
    /// The index chosen with probability proportional to its weight, for <paramref name="target"/> uniform in
    /// [0, <see cref="Total"/>) (it chooses the group); <paramref name="within"/> is then uniform in [0, weight of the
    /// index) and independent of the choice, so a caller can use it as its next uniform. Candidates within the group
    /// draw from <paramref name="rng"/> (a fresh draw is cheaper than scaling the residual, which would wait for a
    /// division). Rounding past the last group picks the last group. Not for an <see cref="IsEmpty"/> sampler.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Sample(double target, ref Xoshiro256StarStar rng, out double within)
    {
        int group = _active[0];
        double sum = _groupSum[group];
        for (int a = 1; target >= sum && a < _activeCount; a++)
        {
            target -= sum;
            group = _active[a];
            sum = _groupSum[group];
        }
        var members = _members[group]!;
        int count = _memberCount[group];
        if (count == 1)
        {
            // Nothing to reject between (a lone clone, as on a lattice held by one): no bound, no retries.
            within = rng.NextDouble() * _weights[members[0]];
            return members[0];
        }
        // The largest weight the group has held since it was formed: a member that shrank or left keeps it high,
        // which costs acceptance, never correctness; the group's power of two caps it, so acceptance stays ≥ 1/2.
        double bound = _groupBound[group];
        while (true)
        {
            // A uniform on [0, count): its integer part picks the candidate, its fraction scaled to [0, bound) is the
            // acceptance test (independent of the integer part), accepted with probability weight / bound ≥ 1/2.
            double x = rng.NextDouble() * count;
            int j = (int)x;
            int candidate = members[j];
            double y = (x - j) * bound;
            if (y < _weights[candidate])
            {
                within = y;
                return candidate;
            }
        }
    }

    /// <summary>
    /// Regroups the stored weights from scratch, in index order, with exact sums. Which index a draw picks depends on
    /// the order of a group's members, which updates shuffle; after a rebuild it is a function of the weights alone,
    /// so a run that starts from a rebuild draws the same whatever this sampler held before (a previous work unit on
    /// the same thread, or a history grown here rather than restored from a snapshot).
    /// </summary>
    public void Rebuild()
    {
        for (int a = 0; a < _activeCount; a++)
        {
            int group = _active[a];
            _memberCount[group] = 0;
            _groupSum[group] = 0;
            _groupBound[group] = 0;
        }
        _activeCount = 0;
        _group.AsSpan(0, _size).Fill(-1);
        for (int i = 0; i < _size; i++)
        {
            double weight = _weights[i];
            if (!(weight > 0)) continue;
            int group = Exponent(weight);
            Join(i, group, weight);   // each group summed afresh, in index order
            _group[i] = group;
        }
    }

    /// <summary>Exact sum of the stored weights (O(n)), to measure drift.</summary>
    public double ExactTotal()
    {
        double sum = 0;
        for (int i = 0; i < _size; i++) sum += _weights[i];
        return sum;
    }

    private void Join(int index, int group, double weight)
    {
        int count = _memberCount[group];
        var members = _members[group];
        if (members is null || count == members.Length)
        {
            Array.Resize(ref members, Math.Max(8, count * 2));
            _members[group] = members;
        }
        members[count] = index;
        _position[index] = count;
        _memberCount[group] = count + 1;
        if (count == 0)
        {
            _groupSum[group] = weight;
            _groupBound[group] = weight;
            Activate(group);
        }
        else
        {
            _groupSum[group] += weight;
            RaiseBound(group, weight);
        }
    }

    private void Leave(int index, int group, double weight)
    {
        var members = _members[group]!;
        int last = --_memberCount[group];
        int at = _position[index];
        int moved = members[last];
        members[at] = moved;
        _position[moved] = at;
        if (last == 0)
        {
            _groupSum[group] = 0;   // an empty group's drift ends here, and its bound
            _groupBound[group] = 0;
            Deactivate(group);
        }
        else
        {
            _groupSum[group] -= weight;
        }
    }

    private void Activate(int group)
    {
        int a = _activeCount++;
        while (a > 0 && _active[a - 1] < group)
        {
            _active[a] = _active[a - 1];
            a--;
        }
        _active[a] = group;
    }

    private void Deactivate(int group)
    {
        int a = Array.IndexOf(_active, group, 0, _activeCount);
        Array.Copy(_active, a + 1, _active, a, _activeCount - a - 1);
        _activeCount--;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void RaiseBound(int group, double weight)
    {
        if (weight > _groupBound[group]) _groupBound[group] = weight;
    }

    /// <summary>The group of a positive weight: its biased binary exponent, so the group holds [2^(e−1023), 2^(e−1022)).</summary>
    private static int Exponent(double weight) => (int)(BitConverter.DoubleToUInt64Bits(weight) >> 52) & 0x7FF;
}
