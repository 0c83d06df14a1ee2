namespace ResistanceSim.Engine.Algorithms;

/// <summary>
/// Per clone, upper bounds on the per-cell birth, death and switching rates over every drug level its cells may see
/// (the agent engine's drug field). A <see cref="CloneRateIndex"/> given bounds weights clones by them; the engine
/// then accepts the chosen cell's event with probability (its own rate)/(bound), exact thinning.
/// </summary>
public sealed class RateBounds
{
    private double[] _birth = new double[16];
    private double[] _death = new double[16];
    private double[] _switch = new double[16];

    /// <summary>Clones (indices 0..Count−1) with bounds.</summary>
    public int Count { get; private set; }

    public double Birth(int clone) => _birth[clone];

    public double Death(int clone) => _death[clone];

    public double Switch(int clone) => _switch[clone];

    /// <summary>Forgets every clone's bounds (a new work unit).</summary>
    public void Clear() => Count = 0;

    /// <summary>Sets the bounds of clone <paramref name="clone"/>, the next new one or one already held.</summary>
    public void Set(int clone, double birth, double death, double switching)
    {
        if (clone > Count) throw new InvalidOperationException($"Rate bounds: clone {clone} set while {Count} are held.");
        if (clone == _birth.Length)
        {
            int capacity = 2 * _birth.Length;
            Array.Resize(ref _birth, capacity);
            Array.Resize(ref _death, capacity);
            Array.Resize(ref _switch, capacity);
        }
        _birth[clone] = birth;
        _death[clone] = death;
        _switch[clone] = switching;
        if (clone == Count) Count++;
    }

    /// <summary>The run retired clone <paramref name="clone"/> and moved clone <paramref name="movedFrom"/> (or none, −1) into its index.</summary>
    public void Retire(int clone, int movedFrom)
    {
        if (movedFrom >= 0)
        {
            _birth[clone] = _birth[movedFrom];
            _death[clone] = _death[movedFrom];
            _switch[clone] = _switch[movedFrom];
        }
        Count--;
    }
}
