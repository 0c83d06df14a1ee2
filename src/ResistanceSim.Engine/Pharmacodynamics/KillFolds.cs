using ResistanceSim.Model;

namespace ResistanceSim.Engine.Pharmacodynamics;

/// <summary>
/// The factor on each cytotoxic drug's kill for a genotype: the product of the kill fold changes of the
/// mechanisms and phenotype states it carries (<see cref="Mechanism.KillFoldChangeByDrug"/>). Precompiled per
/// genotype part so evaluation is a few multiplications; catalogs without any kill fold change skip it entirely.
/// </summary>
internal sealed class KillFolds
{
    private readonly GenotypeLayout _layout;
    private readonly int _drugCount;
    private readonly bool _any;
    private readonly double[] _alk;          // [mutation * drugCount + drug]
    private readonly double[] _amplification; // [drug], for cells with extra ALK copies
    private readonly double[] _other;        // [other heritable * drugCount + drug]
    private readonly double[] _phenotype;    // [phenotype * drugCount + drug]
    private readonly int _otherCount;
    private readonly int _phenotypeCount;

    public KillFolds(MechanismCatalog catalog, IReadOnlyList<Drug> drugs)
    {
        _layout = catalog.Layout;
        _drugCount = drugs.Count;
        _alk = Table(catalog.AlkMutations, drugs);
        _amplification = Table<AlkAmplification>(catalog.Amplification is { } a ? [a] : [], drugs);
        _other = Table(catalog.OtherHeritable, drugs);
        _phenotype = Table(catalog.Phenotypes, drugs);
        _otherCount = catalog.OtherHeritable.Count;
        _phenotypeCount = catalog.Phenotypes.Count;
        _any = catalog.All.Any(m => m.KillFoldChangeByDrug.Count > 0);
    }

    /// <summary>Kill factor of drug <paramref name="drug"/> (scenario order) on cells of <paramref name="genotype"/>.</summary>
    public double For(ulong genotype, int drug)
    {
        if (!_any) return 1;
        double fold = 1;
        for (int slot = 0; slot < _layout.AlkSlots; slot++)
        {
            int m = _layout.AlkMutationAt(genotype, slot);
            if (m < 0) break;
            fold *= _alk[m * _drugCount + drug];
        }
        if (_amplification.Length > 0 && _layout.AlkCopies(genotype) > 1) fold *= _amplification[drug];
        for (int i = 0; i < _otherCount; i++)
            if (_layout.HasOther(genotype, i)) fold *= _other[i * _drugCount + drug];
        for (int p = 0; p < _phenotypeCount; p++)
            if (_layout.HasPhenotype(genotype, p)) fold *= _phenotype[p * _drugCount + drug];
        return fold;
    }

    private static double[] Table<T>(IReadOnlyList<T> mechanisms, IReadOnlyList<Drug> drugs) where T : Mechanism
    {
        var table = new double[mechanisms.Count * drugs.Count];
        for (int m = 0; m < mechanisms.Count; m++)
            for (int d = 0; d < drugs.Count; d++)
                table[m * drugs.Count + d] = mechanisms[m].KillFoldChangeFor(drugs[d].Name);
        return table;
    }
}
