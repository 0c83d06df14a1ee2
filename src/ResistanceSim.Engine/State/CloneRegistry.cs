namespace ResistanceSim.Engine.State;

/// <summary>
/// Every clone that ever lived in a run, addressed by id (0, 1, 2, … in order of birth): parent,
/// birth time, genotype and lineage, plus the largest size it reached at a sample. Extinct clones
/// stay here, so phylogenies and Muller plots are complete; so does the count of sanctuary lesions founded (a lesion's
/// number is never reused, even after it dies out). Arrays grow by doubling and are reused
/// across runs, so steady-state runs do not allocate.
/// </summary>
public sealed class CloneRegistry
{
    public const int NoParent = -1;

    private int[] _parent;
    private double[] _bornDay;
    private ulong[] _genotype;
    private int[] _lineage;
    private long[] _maxSampledCells;

    public CloneRegistry(int capacity = 256)
    {
        _parent = new int[capacity];
        _bornDay = new double[capacity];
        _genotype = new ulong[capacity];
        _lineage = new int[capacity];
        _maxSampledCells = new long[capacity];
    }

    public int Count { get; private set; }

    public ReadOnlySpan<int> Parent => _parent.AsSpan(0, Count);
    public ReadOnlySpan<double> BornDay => _bornDay.AsSpan(0, Count);
    public ReadOnlySpan<ulong> Genotype => _genotype.AsSpan(0, Count);
    /// <summary>Id of the clone that founded this clone's heritable genotype (phenotype siblings share it).</summary>
    public ReadOnlySpan<int> Lineage => _lineage.AsSpan(0, Count);
    public ReadOnlySpan<long> MaxSampledCells => _maxSampledCells.AsSpan(0, Count);

    /// <summary>Sanctuary lesions founded so far (<see cref="ResistanceSim.Model.Sanctuary.Lesions"/>): the last lesion's number.</summary>
    public int LesionsFounded { get; private set; }

    /// <summary>Founds the next sanctuary lesion; returns its number (1, 2, …).</summary>
    public int FoundLesion() => ++LesionsFounded;

    public void Clear()
    {
        Count = 0;
        LesionsFounded = 0;
    }

    /// <summary>Makes this registry an exact copy of <paramref name="source"/>.</summary>
    public void CopyFrom(CloneRegistry source)
    {
        ArgumentNullException.ThrowIfNull(source);
        while (_parent.Length < source.Count) Grow();
        int count = source.Count;
        Array.Copy(source._parent, _parent, count);
        Array.Copy(source._bornDay, _bornDay, count);
        Array.Copy(source._genotype, _genotype, count);
        Array.Copy(source._lineage, _lineage, count);
        Array.Copy(source._maxSampledCells, _maxSampledCells, count);
        Count = count;
        LesionsFounded = source.LesionsFounded;
    }

    /// <summary>Moves every birth time by <paramref name="days"/> (the clock restarts at diagnosis, so earlier clones are born at negative days).</summary>
    public void ShiftBornDays(double days)
    {
        foreach (ref double day in _bornDay.AsSpan(0, Count)) day += days;
    }

    /// <param name="lineage">Lineage id, or −1 to found a new lineage (the new clone's own id).</param>
    public int Register(int parent, double bornDay, ulong genotype, int lineage)
    {
        if (Count == _parent.Length) Grow();
        int id = Count++;
        _parent[id] = parent;
        _bornDay[id] = bornDay;
        _genotype[id] = genotype;
        _lineage[id] = lineage < 0 ? id : lineage;
        _maxSampledCells[id] = 0;
        return id;
    }

    public void RecordSample(int id, long cells)
    {
        if (cells > _maxSampledCells[id]) _maxSampledCells[id] = cells;
    }

    private void Grow()
    {
        int capacity = Math.Max(1, _parent.Length * 2);
        Array.Resize(ref _parent, capacity);
        Array.Resize(ref _bornDay, capacity);
        Array.Resize(ref _genotype, capacity);
        Array.Resize(ref _lineage, capacity);
        Array.Resize(ref _maxSampledCells, capacity);
    }
}
