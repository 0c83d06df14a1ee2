using System.Runtime.CompilerServices;
using ResistanceSim.Model;

namespace ResistanceSim.Engine.Pharmacodynamics;

/// <summary>
/// A per-drug factor a genotype's mechanisms multiply together: the kill fold changes
/// (<see cref="Mechanism.KillFoldChangeByDrug"/>) or the exposure fold changes
/// (<see cref="Mechanism.ExposureFoldChangeByDrug"/>) of the mechanisms and phenotype states it carries; in a sanctuary
/// lesion followed on its own, the sanctuary's lesion folds (<see cref="Sanctuary.LesionExposureFoldChangeByDrug"/>).
/// Precompiled per genotype part so evaluation is a few multiplications; catalogs whose mechanisms set no fold
/// skip it entirely.
/// </summary>
internal sealed class MechanismDrugFolds
{
    private readonly GenotypeLayout _layout;
    private readonly int _drugCount;
    private readonly bool _any;
    private readonly double[] _alk;          // [mutation * drugCount + drug]
    private readonly double[] _amplification; // [drug], for cells with extra ALK copies
    private readonly double[] _other;        // [other heritable * drugCount + drug]
    private readonly double[] _lesion;       // [drug], the followed sanctuary's in one of its lesions
    private readonly double[] _phenotype;    // [phenotype * drugCount + drug]
    private readonly int _otherCount;
    private readonly int _phenotypeCount;

    /// <param name="lesionFoldOf">The followed sanctuary's fold in one of its lesions; null: as elsewhere in the site.</param>
    private MechanismDrugFolds(MechanismCatalog catalog, IReadOnlyList<Drug> drugs, Func<Mechanism, string, double> foldOf,
        Func<Sanctuary, string, double>? lesionFoldOf = null)
    {
        _layout = catalog.Layout;
        _drugCount = drugs.Count;
        _alk = Table(catalog.AlkMutations, drugs, foldOf);
        _amplification = Table<AlkAmplification>(catalog.Amplification is { } a ? [a] : [], drugs, foldOf);
        _other = Table(catalog.OtherHeritable, drugs, foldOf);
        _lesion = catalog.Layout.LesionSite >= 0 && catalog.OtherHeritable[catalog.Layout.LesionSite] is Sanctuary site
            ? Table<Sanctuary>([site], drugs, (m, drug) => (lesionFoldOf ?? foldOf)((Sanctuary)m, drug))
            : [];
        _phenotype = Table(catalog.Phenotypes, drugs, foldOf);
        _otherCount = catalog.OtherHeritable.Count;
        _phenotypeCount = catalog.Phenotypes.Count;
        _any = _alk.Concat(_amplification).Concat(_other).Concat(_lesion).Concat(_phenotype).Any(fold => fold != 1.0);
    }

    /// <summary>The factor on each cytotoxic drug's kill.</summary>
    public static MechanismDrugFolds Kill(MechanismCatalog catalog, IReadOnlyList<Drug> drugs) =>
        new(catalog, drugs, (mechanism, drug) => mechanism.KillFoldChangeFor(drug));

    /// <summary>The factor on each drug's free concentration that the cells see.</summary>
    public static MechanismDrugFolds Exposure(MechanismCatalog catalog, IReadOnlyList<Drug> drugs) =>
        new(catalog, drugs, (mechanism, drug) => mechanism.ExposureFoldChangeFor(drug), (site, drug) => site.LesionExposureFoldChangeFor(drug));

    /// <summary>Factor of drug <paramref name="drug"/> (scenario order) for cells of <paramref name="genotype"/>.</summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
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
        {
            if (!_layout.HasOther(genotype, i)) continue;
            fold *= i == _layout.LesionSite && _layout.Lesion(genotype) > 0 ? _lesion[drug] : _other[i * _drugCount + drug];
        }
        for (int p = 0; p < _phenotypeCount; p++)
            if (_layout.HasPhenotype(genotype, p)) fold *= _phenotype[p * _drugCount + drug];
        return fold;
    }

    private static double[] Table<T>(IReadOnlyList<T> mechanisms, IReadOnlyList<Drug> drugs, Func<Mechanism, string, double> foldOf)
        where T : Mechanism
    {
        var table = new double[mechanisms.Count * drugs.Count];
        for (int m = 0; m < mechanisms.Count; m++)
            for (int d = 0; d < drugs.Count; d++)
                table[m * drugs.Count + d] = foldOf(mechanisms[m], drugs[d].Name);
        return table;
    }
}
