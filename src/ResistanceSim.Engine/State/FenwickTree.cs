using System.Runtime.CompilerServices;

namespace ResistanceSim.Engine.State;

/// <summary>
/// Binary indexed (Fenwick) tree of non-negative weights: O(log n) update, prefix search and
/// total. The exact engine samples "which clone" with it. Every node up to the capacity is kept
/// current (slots past <see cref="Size"/> hold 0), so the size can change freely. Floating-point
/// add/subtract drifts, so <see cref="Rebuild"/> recomputes the partial sums from the stored
/// weights (the engine does so every K events, as msprime does for its rate sums).
/// </summary>
public sealed class FenwickTree
{
    private double[] _tree;     // 1-based partial sums over the whole capacity
    private double[] _weights;  // 0-based exact weights, the source of truth for Rebuild
    private int _size;
    private int _topBit;

    public FenwickTree(int capacity = 16)
    {
        _tree = new double[capacity + 1];
        _weights = new double[capacity];
        _topBit = TopBit(capacity);
    }

    public int Size => _size;

    public ReadOnlySpan<double> Weights => _weights.AsSpan(0, _size);

    /// <summary>Sum of all weights as the tree holds it (subject to drift until <see cref="Rebuild"/>).</summary>
    public double Total
    {
        get
        {
            double sum = 0;
            for (int i = _size; i > 0; i -= i & -i) sum += _tree[i];
            return sum;
        }
    }

    public double this[int index] => _weights[index];

    /// <summary>Sets the number of slots; slots beyond it are zeroed. Grows storage by doubling.</summary>
    public void SetSize(int size)
    {
        for (int i = size; i < _size; i++) Set(i, 0);
        if (size > _weights.Length)
        {
            int capacity = Math.Max(size, _weights.Length * 2);
            Array.Resize(ref _weights, capacity);
            _tree = new double[capacity + 1];
            _topBit = TopBit(capacity);
            _size = size;
            Rebuild();
            return;
        }
        _size = size;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Set(int index, double weight)
    {
        double delta = weight - _weights[index];
        if (delta == 0) return;
        _weights[index] = weight;
        var tree = _tree;
        for (int i = index + 1; i < tree.Length; i += i & -i) tree[i] += delta;
    }

    /// <summary>
    /// The index i with prefix(i) ≤ target &lt; prefix(i+1), for 0 ≤ target &lt; Total. Clamped to
    /// the last slot with positive weight, so rounding at the top end never picks an empty slot.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(double target)
    {
        var tree = _tree;
        int position = 0;
        for (int step = _topBit; step > 0; step >>= 1)
        {
            int next = position + step;
            if (next <= _size && tree[next] <= target)
            {
                position = next;
                target -= tree[next];
            }
        }
        if (position >= _size) position = _size - 1;
        while (position > 0 && _weights[position] <= 0) position--;
        return position;
    }

    /// <summary>Recomputes every partial sum from the weights in O(capacity).</summary>
    public void Rebuild()
    {
        Array.Clear(_tree);
        for (int i = 1; i < _tree.Length; i++)
        {
            _tree[i] += _weights[i - 1];
            int parent = i + (i & -i);
            if (parent < _tree.Length) _tree[parent] += _tree[i];
        }
    }

    /// <summary>Exact sum of the stored weights (O(n)), to measure drift.</summary>
    public double ExactTotal()
    {
        double sum = 0;
        for (int i = 0; i < _size; i++) sum += _weights[i];
        return sum;
    }

    private static int TopBit(int capacity) => capacity == 0 ? 0 : 1 << (31 - int.LeadingZeroCount(capacity));
}
