using System.Numerics;

namespace ResistanceSim.Model;

/// <summary>
/// Packs a genotype into a 64-bit key, with field widths sized to the catalog:
/// <code>
/// [phenotype flags: one bit each][ALK copies − 1][ALK mutation slots, in acquisition order][other heritable: one bit each][lesion]
/// </code>
/// An ALK slot holds 1 + the mutation's index (0 = empty). The lesion field, present when a sanctuary follows its
/// metastases one by one (<see cref="Sanctuary.Lesions"/>), holds the cell's metastasis: 1 … K for the seeds followed,
/// K + 1 … 2K for those founded by a mutation inside the pool (<see cref="LesionNumbers"/>), 0 for the pool of later
/// seeds or outside the sanctuary. Keys compare equal exactly when the genotypes and lesions are equal, which is what
/// <c>per_genotype</c> lineage merging needs: cells of one genotype in two metastases are two clones.
/// </summary>
public sealed class GenotypeLayout
{
    public const int MaxBits = 64;

    private readonly int _phenotypeShift;
    private readonly int _copyShift, _copyBits;
    private readonly int _alkShift, _alkSlotBits, _alkSlots;
    private readonly int _otherShift;
    private readonly int _lesionShift, _lesionBits;
    private readonly ulong _lesionSiteBit;

    internal GenotypeLayout(MechanismCatalog catalog)
    {
        PhenotypeCount = catalog.Phenotypes.Count;
        OtherCount = catalog.OtherHeritable.Count;
        MaxCopies = catalog.Amplification?.MaxCopies ?? 1;
        _alkSlots = catalog.AlkMutations.Count == 0 ? 0 : catalog.MaxAlkMutations;
        _alkSlotBits = BitsFor(catalog.AlkMutations.Count);
        _copyBits = BitsFor(MaxCopies - 1);

        _phenotypeShift = 0;
        _copyShift = _phenotypeShift + PhenotypeCount;
        _alkShift = _copyShift + _copyBits;
        _otherShift = _alkShift + _alkSlots * _alkSlotBits;
        _lesionShift = _otherShift + OtherCount;
        for (int i = 0; i < OtherCount; i++)
        {
            if (catalog.OtherHeritable[i] is not Sanctuary { Lesions: > 0 } site) continue;
            LesionCount = site.Lesions;
            LesionSite = i;
            _lesionSiteBit = 1UL << (_otherShift + i);
            break;
        }
        _lesionBits = BitsFor(LesionNumbers);
        BitsUsed = _lesionShift + _lesionBits;
    }

    public int BitsUsed { get; }
    public bool Fits => BitsUsed <= MaxBits;
    public int PhenotypeCount { get; }
    public int OtherCount { get; }
    public int MaxCopies { get; }
    public int AlkSlots => _alkSlots;

    /// <summary>Seeds of the sanctuary that found lesions of their own (<see cref="Sanctuary.Lesions"/>); 0 when none does.</summary>
    public int LesionCount { get; }

    /// <summary>
    /// Lesion numbers there are: the <see cref="LesionCount"/> followed seeds, then as many metastases founded by a
    /// mutation that arises inside the pool (it arose in one of the pool's metastases, so its clone is one lesion).
    /// </summary>
    public int LesionNumbers => 2 * LesionCount;

    /// <summary>Index among the other heritable mechanisms of the sanctuary that follows its lesions; −1 when none does.</summary>
    public int LesionSite { get; } = -1;

    private static int BitsFor(int maxValue) => maxValue <= 0 ? 0 : 64 - BitOperations.LeadingZeroCount((ulong)maxValue);

    public static ulong Parental => 0UL;

    public bool HasPhenotype(ulong key, int phenotype) => ((key >> (_phenotypeShift + phenotype)) & 1UL) != 0;

    public ulong WithPhenotype(ulong key, int phenotype, bool on) =>
        on ? key | (1UL << (_phenotypeShift + phenotype)) : key & ~(1UL << (_phenotypeShift + phenotype));

    public int AlkCopies(ulong key) => _copyBits == 0 ? 1 : 1 + (int)((key >> _copyShift) & Mask(_copyBits));

    public ulong WithAlkCopies(ulong key, int copies)
    {
        if (copies < 1 || copies > MaxCopies) throw new ArgumentOutOfRangeException(nameof(copies));
        if (_copyBits == 0) return key;
        ulong cleared = key & ~(Mask(_copyBits) << _copyShift);
        return cleared | ((ulong)(copies - 1) << _copyShift);
    }

    /// <summary>Index of the ALK mutation in <paramref name="slot"/>, or −1 when the slot is empty.</summary>
    public int AlkMutationAt(ulong key, int slot) =>
        (int)((key >> (_alkShift + slot * _alkSlotBits)) & Mask(_alkSlotBits)) - 1;

    public int AlkMutationCount(ulong key)
    {
        int n = 0;
        while (n < _alkSlots && AlkMutationAt(key, n) >= 0) n++;
        return n;
    }

    public bool HasAlkMutation(ulong key, int mutation)
    {
        for (int slot = 0; slot < _alkSlots; slot++)
        {
            int m = AlkMutationAt(key, slot);
            if (m < 0) return false;
            if (m == mutation) return true;
        }
        return false;
    }

    /// <summary>Appends <paramref name="mutation"/> in the first free slot; the caller checks a slot is free.</summary>
    public ulong WithAlkMutation(ulong key, int mutation)
    {
        int slot = AlkMutationCount(key);
        if (slot >= _alkSlots) throw new InvalidOperationException("No free ALK mutation slot.");
        return key | ((ulong)(mutation + 1) << (_alkShift + slot * _alkSlotBits));
    }

    public bool HasOther(ulong key, int other) => ((key >> (_otherShift + other)) & 1UL) != 0;

    public ulong WithOther(ulong key, int other) => key | (1UL << (_otherShift + other));

    /// <summary>The sanctuary lesion a cell of <paramref name="key"/> belongs to: 1 … <see cref="LesionNumbers"/>, or 0 (the pool, or none).</summary>
    public int Lesion(ulong key) => (int)((key >> _lesionShift) & Mask(_lesionBits));

    public ulong WithLesion(ulong key, int lesion)
    {
        if (lesion < 0 || lesion > LesionNumbers) throw new ArgumentOutOfRangeException(nameof(lesion));
        return (key & ~(Mask(_lesionBits) << _lesionShift)) | ((ulong)lesion << _lesionShift);
    }

    /// <summary>Whether a daughter of <paramref name="child"/> born to a cell of <paramref name="parent"/> seeded the sanctuary that follows its lesions.</summary>
    public bool Seeds(ulong parent, ulong child) => (child & ~parent & _lesionSiteBit) != 0;

    /// <summary>Whether a cell of <paramref name="key"/> is in the sanctuary that follows its lesions (in one of them or its pool).</summary>
    public bool InLesionSite(ulong key) => (key & _lesionSiteBit) != 0;

    /// <summary>Whether a cell of <paramref name="key"/> is in the pool of a sanctuary that follows its lesions: seeded there, in no lesion of its own.</summary>
    public bool InPool(ulong key) => InLesionSite(key) && Lesion(key) == 0;

    /// <summary>The key without phenotype flags: the heritable genotype shared by phenotype siblings.</summary>
    public ulong Heritable(ulong key) => key & ~Mask(PhenotypeCount);

    private static ulong Mask(int bits) => bits >= 64 ? ulong.MaxValue : (1UL << bits) - 1;
}
