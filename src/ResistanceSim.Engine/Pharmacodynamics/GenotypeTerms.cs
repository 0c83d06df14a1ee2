using System.Runtime.CompilerServices;
using ResistanceSim.Model;

namespace ResistanceSim.Engine.Pharmacodynamics;

/// <summary>
/// The parts of a genotype's signal model that the drug levels do not change — pathway activities (ALK-independent
/// and ALK-coupled), the fitness cost factor, autophagy protection, and per drug the ALK fold change and the exposure
/// and kill fold changes — kept per genotype once <see cref="SignalModel"/> has computed them. Every clone's rates are
/// evaluated again at every rate step of an oral schedule, but a clone keeps its genotype for life, so only the drug
/// terms need computing again (benchmarks/RESULTS.md, "Trials: the signal model per genotype"). Stored flat, slot ×
/// pathway and slot × drug; filling a slot allocates only when the arrays grow. At most <see cref="MaxKept"/> genotypes
/// are kept: a model with many mechanisms (OncoSimulR's 50 genes) meets thousands of new genotypes in every work unit,
/// and a worker that runs unit after unit would otherwise keep them all (0.85 MiB more per McFarland run to 1e9 cells).
/// </summary>
internal sealed class GenotypeTerms
{
    private readonly int _drugCount;
    private readonly Dictionary<ulong, int> _slotOf = [];
    private double[] _activity = [];
    private double[] _coupled = [];
    private double[] _alkFold = [];
    private double[] _exposureFold = [];
    private double[] _killFold = [];
    private double[] _costFactor = [];
    private double[] _protection = [];
    private int[] _drugClass = [];
    private readonly List<int> _drugClassFirstSlot = [];

    public GenotypeTerms(int drugCount) => _drugCount = drugCount;

    /// <summary>Most genotypes kept; the owner empties the store (<see cref="Clear"/>) before adding past it.</summary>
    public const int MaxKept = 1 << 16;

    /// <summary>Genotypes kept.</summary>
    public int Count => _slotOf.Count;

    /// <summary>Forgets every genotype and drug class; the arrays are kept, zeroed, for the slots filled again.</summary>
    public void Clear()
    {
        _slotOf.Clear();
        _drugClassFirstSlot.Clear();
        Array.Clear(_activity);
        Array.Clear(_coupled);
        Array.Clear(_alkFold);
        Array.Clear(_exposureFold);
        Array.Clear(_killFold);
        Array.Clear(_costFactor);
        Array.Clear(_protection);
    }

    /// <summary>The slot holding <paramref name="genotype"/>'s terms, or −1 when they are not kept yet.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(ulong genotype) => _slotOf.TryGetValue(genotype, out int slot) ? slot : -1;

    /// <summary>A new slot for <paramref name="genotype"/>, its values zero, to be filled through the accessors.</summary>
    public int Add(ulong genotype)
    {
        int slot = _slotOf.Count;
        if (slot == _costFactor.Length) Grow(Math.Max(8, 2 * slot));
        _slotOf.Add(genotype, slot);
        return slot;
    }

    /// <summary>a_p: pathway activity independent of ALK's inhibition.</summary>
    public Span<double> Activity(int slot) => _activity.AsSpan(slot * Pathways.Count, Pathways.Count);

    /// <summary>c_p: pathway activity scaled by ALK's uninhibited fraction (the ALK-dependent share of a bypass).</summary>
    public Span<double> Coupled(int slot) => _coupled.AsSpan(slot * Pathways.Count, Pathways.Count);

    /// <summary>Per drug: the product of the genotype's ALK kinase-mutation fold changes on the ALK IC50.</summary>
    public Span<double> AlkFold(int slot) => _alkFold.AsSpan(slot * _drugCount, _drugCount);

    /// <summary>Per drug: the factor on the free concentration the cells see.</summary>
    public Span<double> ExposureFold(int slot) => _exposureFold.AsSpan(slot * _drugCount, _drugCount);

    /// <summary>Per drug: the factor on a cytotoxic drug's kill.</summary>
    public Span<double> KillFold(int slot) => _killFold.AsSpan(slot * _drugCount, _drugCount);

    /// <summary>Π (1 − fitness cost) over the genotype's mechanisms and states.</summary>
    public ref double CostFactor(int slot) => ref _costFactor[slot];

    /// <summary>ρ_max: the largest autophagy protection among the genotype's states.</summary>
    public ref double Protection(int slot) => ref _protection[slot];

    /// <summary>Which genotypes the drugs see alike: those with the same ALK, exposure and kill fold changes share a class
    /// (<see cref="DrugEffects"/>).</summary>
    public int DrugClass(int slot) => _drugClass[slot];

    /// <summary>Gives a filled slot its drug class: that of the first genotype with the same fold changes bit for bit, else a new one.</summary>
    public void AssignDrugClass(int slot)
    {
        for (int c = 0; c < _drugClassFirstSlot.Count; c++)
        {
            if (!SameFolds(_drugClassFirstSlot[c], slot)) continue;
            _drugClass[slot] = c;
            return;
        }
        _drugClass[slot] = _drugClassFirstSlot.Count;
        _drugClassFirstSlot.Add(slot);
    }

    private bool SameFolds(int a, int b) =>
        BitwiseEqual.Spans(AlkFold(a), AlkFold(b)) && BitwiseEqual.Spans(ExposureFold(a), ExposureFold(b))
        && BitwiseEqual.Spans(KillFold(a), KillFold(b));

    private void Grow(int slots)
    {
        Array.Resize(ref _activity, slots * Pathways.Count);
        Array.Resize(ref _coupled, slots * Pathways.Count);
        Array.Resize(ref _alkFold, slots * _drugCount);
        Array.Resize(ref _exposureFold, slots * _drugCount);
        Array.Resize(ref _killFold, slots * _drugCount);
        Array.Resize(ref _costFactor, slots);
        Array.Resize(ref _protection, slots);
        Array.Resize(ref _drugClass, slots);
    }
}
