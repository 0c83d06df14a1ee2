using ResistanceSim.Model;

namespace ResistanceSim.Engine.Pharmacodynamics;

/// <summary>
/// The drugs' effects on the pathways — the full inhibition I_p, its shares on birth and on death, and the cytotoxic
/// kill — per class of genotypes the drugs see alike (<see cref="GenotypeTerms.DrugClass"/>), each kept with the levels
/// it was computed at. At a rate step every clone is evaluated at the same levels, and most clones differ only in
/// mechanisms the drugs do not see, so each class's effects are computed once a step instead of once a clone.
/// </summary>
internal sealed class DrugEffects
{
    private readonly int _drugCount;
    private double[] _inhibition = [];
    private double[] _onBirth = [];
    private double[] _onDeath = [];
    private double[] _kill = [];
    private double[] _levels = [];
    private bool[] _held = [];

    public DrugEffects(int drugCount) => _drugCount = drugCount;

    /// <summary>
    /// True when class <paramref name="drugClass"/>'s effects are held for exactly <paramref name="levels"/> (bit for bit);
    /// otherwise zeroes them and records the levels, for the caller to fill in.
    /// </summary>
    public bool HeldFor(int drugClass, ReadOnlySpan<double> levels)
    {
        if (drugClass >= _held.Length) Grow(Math.Max(4, 2 * (drugClass + 1)));
        levels = levels[.._drugCount];
        var recorded = _levels.AsSpan(drugClass * _drugCount, _drugCount);
        if (_held[drugClass] && BitwiseEqual.Spans(recorded, levels)) return true;
        levels.CopyTo(recorded);
        Inhibition(drugClass).Clear();
        OnBirth(drugClass).Clear();
        OnDeath(drugClass).Clear();
        _kill[drugClass] = 0;
        _held[drugClass] = true;
        return false;
    }

    /// <summary>Forgets every class's effects (the classes are numbered afresh once <see cref="GenotypeTerms"/> is emptied).</summary>
    public void Clear() => Array.Clear(_held);

    /// <summary>I_p: every drug's inhibition of pathway p, Bliss-combined (drug stress, autophagy blockade).</summary>
    public Span<double> Inhibition(int drugClass) => _inhibition.AsSpan(drugClass * Pathways.Count, Pathways.Count);

    /// <summary>The inhibition each drug's action puts on birth, Bliss-combined.</summary>
    public Span<double> OnBirth(int drugClass) => _onBirth.AsSpan(drugClass * Pathways.Count, Pathways.Count);

    /// <summary>The inhibition each drug's action puts on death, Bliss-combined.</summary>
    public Span<double> OnDeath(int drugClass) => _onDeath.AsSpan(drugClass * Pathways.Count, Pathways.Count);

    /// <summary>Non-targeted kill per day summed over the cytotoxic drugs.</summary>
    public ref double Kill(int drugClass) => ref _kill[drugClass];

    private void Grow(int classes)
    {
        Array.Resize(ref _inhibition, classes * Pathways.Count);
        Array.Resize(ref _onBirth, classes * Pathways.Count);
        Array.Resize(ref _onDeath, classes * Pathways.Count);
        Array.Resize(ref _kill, classes);
        Array.Resize(ref _levels, classes * _drugCount);
        Array.Resize(ref _held, classes);
    }
}
