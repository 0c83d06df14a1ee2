using System.Runtime.CompilerServices;

namespace ResistanceSim.Engine.State;

/// <summary>
/// The living clones, one array per field (struct-of-arrays) addressed by a dense active index
/// 0..Count−1. Retiring a clone moves the last one into its slot, so the arrays stay dense and no
/// per-event allocation happens once capacity is reached. Per-cell rates are cached here by the
/// run and refreshed whenever drug levels change.
/// </summary>
public sealed class CloneState
{
    private long[] _cells;
    private ulong[] _genotype;
    private int[] _registryId;
    private long[] _lookupKey;
    private double[] _birth;
    private double[] _death;
    private double[] _switch;
    private double[] _alkInhibition;
    private double[] _mutation;
    private double[] _mutationPerDay;
    private readonly Dictionary<long, int> _indexByLookupKey;

    public CloneState(int capacity = 64)
    {
        _cells = new long[capacity];
        _genotype = new ulong[capacity];
        _registryId = new int[capacity];
        _lookupKey = new long[capacity];
        _birth = new double[capacity];
        _death = new double[capacity];
        _switch = new double[capacity];
        _alkInhibition = new double[capacity];
        _mutation = new double[capacity];
        _mutationPerDay = new double[capacity];
        _indexByLookupKey = new Dictionary<long, int>(capacity);
    }

    /// <summary>Number of active (living) clones.</summary>
    public int Count { get; private set; }

    /// <summary>Total living cells, kept exact as counts change.</summary>
    public long TotalCells { get; private set; }

    public Span<long> Cells => _cells.AsSpan(0, Count);
    public ReadOnlySpan<ulong> Genotype => _genotype.AsSpan(0, Count);
    public ReadOnlySpan<int> RegistryId => _registryId.AsSpan(0, Count);
    /// <summary>β: per-cell birth rate before growth limitation.</summary>
    public Span<double> Birth => _birth.AsSpan(0, Count);
    /// <summary>δ: per-cell death rate before density-dependent death.</summary>
    public Span<double> Death => _death.AsSpan(0, Count);
    /// <summary>σ: per-cell rate of leaving the current phenotype state (all switches summed).</summary>
    public Span<double> Switch => _switch.AsSpan(0, Count);
    /// <summary>I_ALK: the clone's ALK inhibition at the drug levels its rates were evaluated at, which sets how its cells
    /// switch phenotype; kept with the rates so that choosing a switch does not evaluate the signal model again.</summary>
    public Span<double> AlkInhibition => _alkInhibition.AsSpan(0, Count);
    /// <summary>U: probability that a division yields a daughter with a new mechanism.</summary>
    public Span<double> MutationProbability => _mutation.AsSpan(0, Count);
    /// <summary>ν: per-cell rate per day of giving rise to a mutant cell apart from division (the cell itself is unchanged).</summary>
    public Span<double> MutationPerDay => _mutationPerDay.AsSpan(0, Count);

    public void Clear()
    {
        Count = 0;
        TotalCells = 0;
        _indexByLookupKey.Clear();
    }

    /// <summary>Makes this state an exact copy of <paramref name="source"/> (same clones in the same slots, same cached rates).</summary>
    public void CopyFrom(CloneState source)
    {
        ArgumentNullException.ThrowIfNull(source);
        while (_cells.Length < source.Count) Grow();
        int count = source.Count;
        Array.Copy(source._cells, _cells, count);
        Array.Copy(source._genotype, _genotype, count);
        Array.Copy(source._registryId, _registryId, count);
        Array.Copy(source._lookupKey, _lookupKey, count);
        Array.Copy(source._birth, _birth, count);
        Array.Copy(source._death, _death, count);
        Array.Copy(source._switch, _switch, count);
        Array.Copy(source._alkInhibition, _alkInhibition, count);
        Array.Copy(source._mutation, _mutation, count);
        Array.Copy(source._mutationPerDay, _mutationPerDay, count);
        _indexByLookupKey.Clear();
        for (int i = 0; i < count; i++) _indexByLookupKey.Add(_lookupKey[i], i);
        Count = count;
        TotalCells = source.TotalCells;
    }

    /// <summary>Active index of the clone registered under <paramref name="lookupKey"/>, or −1.</summary>
    public int IndexOf(long lookupKey) => _indexByLookupKey.TryGetValue(lookupKey, out int index) ? index : -1;

    public int Add(ulong genotype, int registryId, long lookupKey, long cells)
    {
        if (Count == _cells.Length) Grow();
        int index = Count++;
        _cells[index] = cells;
        _genotype[index] = genotype;
        _registryId[index] = registryId;
        _lookupKey[index] = lookupKey;
        _birth[index] = _death[index] = _switch[index] = _alkInhibition[index] = _mutation[index] = _mutationPerDay[index] = 0;
        _indexByLookupKey.Add(lookupKey, index);
        TotalCells += cells;
        return index;
    }

    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    public void AddCells(int index, long delta)
    {
        _cells[index] += delta;
        TotalCells += delta;
    }

    /// <summary>
    /// Removes the clone at <paramref name="index"/> (its cells must already be 0). The last clone
    /// moves into the freed slot; returns the index it came from (or −1 if none moved), so callers
    /// can move their own per-clone data the same way.
    /// </summary>
    public int Retire(int index)
    {
        if (_cells[index] != 0) throw new InvalidOperationException("Only empty clones can be retired.");
        _indexByLookupKey.Remove(_lookupKey[index]);
        int last = --Count;
        if (index == last) return -1;
        _cells[index] = _cells[last];
        _genotype[index] = _genotype[last];
        _registryId[index] = _registryId[last];
        _lookupKey[index] = _lookupKey[last];
        _birth[index] = _birth[last];
        _death[index] = _death[last];
        _switch[index] = _switch[last];
        _alkInhibition[index] = _alkInhibition[last];
        _mutation[index] = _mutation[last];
        _mutationPerDay[index] = _mutationPerDay[last];
        _indexByLookupKey[_lookupKey[index]] = index;
        return last;
    }

    private void Grow()
    {
        int capacity = Math.Max(1, _cells.Length * 2);
        Array.Resize(ref _cells, capacity);
        Array.Resize(ref _genotype, capacity);
        Array.Resize(ref _registryId, capacity);
        Array.Resize(ref _lookupKey, capacity);
        Array.Resize(ref _birth, capacity);
        Array.Resize(ref _death, capacity);
        Array.Resize(ref _switch, capacity);
        Array.Resize(ref _alkInhibition, capacity);
        Array.Resize(ref _mutation, capacity);
        Array.Resize(ref _mutationPerDay, capacity);
        _indexByLookupKey.EnsureCapacity(capacity);
    }

    /// <summary>
    /// Checks the invariants every engine relies on (msprime's msp_verify): counts positive and
    /// summing to <see cref="TotalCells"/>, rates finite and non-negative, the lookup index
    /// consistent. Throws <see cref="InvalidOperationException"/> naming the first violation.
    /// </summary>
    public void Verify()
    {
        long sum = 0;
        for (int i = 0; i < Count; i++)
        {
            if (_cells[i] <= 0) Fail($"clone {_registryId[i]} at index {i} has {_cells[i]} cells (active clones must have > 0)");
            sum += _cells[i];
            Check(_birth[i], "birth", i);
            Check(_death[i], "death", i);
            Check(_switch[i], "switch", i);
            Check(_mutationPerDay[i], "mutation per day", i);
            if (!(_mutation[i] >= 0 && _mutation[i] <= 1)) Fail($"clone {_registryId[i]} has mutation probability {_mutation[i]}");
            if (!_indexByLookupKey.TryGetValue(_lookupKey[i], out int mapped) || mapped != i)
                Fail($"clone {_registryId[i]} at index {i} is not indexed under its lookup key");
        }
        if (sum != TotalCells) Fail($"cells sum to {sum} but TotalCells is {TotalCells}");
        if (_indexByLookupKey.Count != Count) Fail($"lookup index has {_indexByLookupKey.Count} entries for {Count} clones");
    }

    private void Check(double rate, string name, int i)
    {
        if (!(rate >= 0) || double.IsInfinity(rate)) Fail($"clone {_registryId[i]} has {name} rate {rate}");
    }

    private static void Fail(string message) => throw new InvalidOperationException("CloneState invariant violated: " + message);
}
