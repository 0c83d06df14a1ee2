using System.Runtime.CompilerServices;
using ResistanceSim.Model;

namespace ResistanceSim.Engine.Pharmacodynamics;

/// <summary>
/// The pathway signal model (docs/biology.md), precompiled from a scenario into flat arrays so rate
/// evaluation for a genotype is a few loops over pathways and drugs with no allocation once the genotype's
/// drug-independent terms are kept (<see cref="GenotypeTerms"/>): activities a_p
/// from the genotype, Hill inhibition per drug and pathway (ALK IC50 times the product of the clone's
/// kinase-mutation fold changes), Bliss across drugs, residual signal S, saturating growth factor φ(S),
/// fitness cost, autophagy protection ρ and non-targeted kill scaled by the clone's kill fold changes. The free
/// concentration a clone sees is the plasma's scaled by its exposure fold changes (a sanctuary site, an efflux pump).
/// Each drug's inhibition is weighted by its <see cref="DrugAction"/>: S^birth (weights on birth) sets
/// the birth factor and S^death (weights on death) the drug-induced death.
/// Not thread-safe: it keeps terms per genotype and drug effects per level as it evaluates (each run has its own model).
/// </summary>
public sealed class SignalModel
{
    private readonly MechanismCatalog _catalog;
    private readonly GenotypeLayout _layout;
    private readonly PopulationSpec _population;
    private readonly Drug[] _drugs;
    private readonly double[] _alkFold;            // [mutation * drugCount + drug]
    private readonly double[] _otherActivity;      // [other mechanism]
    private readonly double[] _otherAlkDependence; // [other mechanism]: θ of a bypass, 0 for the rest
    private readonly Pathway[] _otherPathway;
    private readonly double[] _otherCostFactor;
    private readonly double[] _phenotypeCostFactor;
    private readonly double[] _alkMutationCostFactor;
    private readonly double _amplificationCostFactor;
    private readonly DrugTarget[][] _targets;          // [drug][target], arrays so the hot path never enumerates an interface
    private readonly double[] _onBirth;                // [drug]: DrugAction weights
    private readonly double[] _onDeath;
    private readonly double[] _maxKill;                // [drug]: 0 for drugs without a cytotoxic term
    private readonly MechanismDrugFolds _killFolds;
    private readonly MechanismDrugFolds _exposureFolds;
    private readonly PathwayActivity[][] _phenotypeActivities;
    private readonly double[] _phenotypeProtection;
    private readonly GenotypeTerms _terms;
    private readonly DrugEffects _effects;
    private readonly PhenotypeState[] _phenotypes;   // an array, so the per-switch lookup is not an interface call

    public SignalModel(Scenario scenario)
    {
        _catalog = scenario.Catalog;
        _layout = _catalog.Layout;
        _population = scenario.Population;
        _drugs = [.. scenario.DrugList];
        DrugCount = _drugs.Length;

        var alk = _catalog.AlkMutations;
        _alkFold = new double[alk.Count * DrugCount];
        _alkMutationCostFactor = new double[alk.Count];
        for (int m = 0; m < alk.Count; m++)
        {
            _alkMutationCostFactor[m] = 1 - alk[m].FitnessCost;
            for (int d = 0; d < DrugCount; d++)
                _alkFold[m * DrugCount + d] = _drugs[d].BindsAlkKinaseDomain ? alk[m].FoldChangeFor(_drugs[d].Name) : 1.0;
        }

        var other = _catalog.OtherHeritable;
        _otherActivity = new double[other.Count];
        _otherAlkDependence = new double[other.Count];
        _otherPathway = new Pathway[other.Count];
        _otherCostFactor = new double[other.Count];
        for (int i = 0; i < other.Count; i++)
        {
            _otherCostFactor[i] = 1 - other[i].FitnessCost;
            if (other[i] is PathwayActivation activation)
            {
                _otherPathway[i] = activation.Pathway;
                _otherActivity[i] = activation.Activity;
                _otherAlkDependence[i] = activation.AlkDependence;
            }
        }
        _phenotypeCostFactor = _catalog.Phenotypes.Select(p => 1 - p.FitnessCost).ToArray();
        _amplificationCostFactor = 1 - (_catalog.Amplification?.FitnessCost ?? 0);
        _targets = _drugs.Select(d => d.Targets.ToArray()).ToArray();
        _onBirth = _drugs.Select(d => d.Action.OnBirth).ToArray();
        _onDeath = _drugs.Select(d => d.Action.OnDeath).ToArray();
        _maxKill = _drugs.Select(d => d.Cytotoxic?.MaxPerDay ?? 0).ToArray();
        _killFolds = MechanismDrugFolds.Kill(_catalog, _drugs);
        _exposureFolds = MechanismDrugFolds.Exposure(_catalog, _drugs);
        _phenotypeActivities = _catalog.Phenotypes.Select(p => p.Activities.ToArray()).ToArray();
        _phenotypeProtection = _catalog.Phenotypes.Select(p => p.DeathProtection).ToArray();
        _terms = new GenotypeTerms(DrugCount);
        _effects = new DrugEffects(DrugCount);
        _phenotypes = [.. _catalog.Phenotypes];
    }

    public int DrugCount { get; }

    public IReadOnlyList<Drug> Drugs => _drugs;

    /// <summary>Genotypes whose drug-independent terms are kept now (at most <see cref="GenotypeTerms.MaxKept"/>).</summary>
    internal int KeptGenotypes => _terms.Count;

    /// <summary>d0: the death rate of a cell no drug touches, which every clone's <see cref="CloneRates.Death"/> starts from.</summary>
    public double UntreatedDeathPerDay => _population.DeathPerDay;

    /// <summary>Rates of genotype <paramref name="genotype"/> at total drug concentrations <paramref name="totalNanoMolar"/> (scenario drug order).</summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    public CloneRates Evaluate(ulong genotype, ReadOnlySpan<double> totalNanoMolar)
    {
        int slot = _terms.Find(genotype);
        if (slot < 0) slot = AddTerms(genotype);
        ReadOnlySpan<double> activity = _terms.Activity(slot);
        ReadOnlySpan<double> coupled = _terms.Coupled(slot);
        double costFactor = _terms.CostFactor(slot);
        double protection = _terms.Protection(slot);
        double alkIndependent = _population.Signal.AlkIndependentShare;

        // Inhibition per pathway three ways: the drugs' full effect (drug stress, autophagy blockade) and the
        // effect each drug's action puts on birth and on death; the same for every genotype of the drug class.
        int drugClass = _terms.DrugClass(slot);
        if (!_effects.HeldFor(drugClass, totalNanoMolar)) ComputeDrugEffects(drugClass, slot, totalNanoMolar);
        ReadOnlySpan<double> inhibition = _effects.Inhibition(drugClass);
        ReadOnlySpan<double> onBirth = _effects.OnBirth(drugClass);
        ReadOnlySpan<double> onDeath = _effects.OnDeath(drugClass);
        double kill = _effects.Kill(drugClass);

        var response = _population.Signal;
        ResidualSignals(activity, coupled, onBirth, onDeath, inhibition, out double signalOnBirth, out double signalOnDeath, out double signal);
        double phiBirth = Hill.GrowthFactor(alkIndependent + signalOnBirth, response.HalfMaximalSignal, response.Hill, response.HyperactivationGain);
        double phiDeath = Hill.GrowthFactor(alkIndependent + signalOnDeath, response.HalfMaximalSignal, response.Hill, response.HyperactivationGain);
        double rho = protection * (1 - inhibition[(int)Pathway.Autophagy]);
        double birth = _population.BirthPerDay * costFactor * phiBirth;
        double death = _population.DeathPerDay + (_population.DrugDeathPerDay * (1 - Math.Min(phiDeath, 1)) + kill) * (1 - rho);
        double alkInhibition = inhibition[(int)Pathway.Alk];

        double switchTotal = 0;
        for (int p = 0; p < _phenotypeCostFactor.Length; p++) switchTotal += SwitchRate(genotype, p, alkInhibition);
        return new CloneRates(Math.Max(birth, 0), death, switchTotal, alkInhibition, alkIndependent + signal);
    }

    /// <summary>The drugs' effects at <paramref name="totalNanoMolar"/> on the genotypes of <paramref name="drugClass"/>, from the fold changes of one of them (<paramref name="slot"/>).</summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    private void ComputeDrugEffects(int drugClass, int slot, ReadOnlySpan<double> totalNanoMolar)
    {
        ReadOnlySpan<double> alkFold = _terms.AlkFold(slot);
        ReadOnlySpan<double> exposureFold = _terms.ExposureFold(slot);
        ReadOnlySpan<double> killFold = _terms.KillFold(slot);
        var inhibition = _effects.Inhibition(drugClass);
        var onBirth = _effects.OnBirth(drugClass);
        var onDeath = _effects.OnDeath(drugClass);
        double kill = 0;
        for (int d = 0; d < DrugCount; d++)
        {
            var drug = _drugs[d];
            double free = drug.FreeFraction * totalNanoMolar[d];
            if (free <= 0) continue;
            free *= exposureFold[d];
            foreach (var target in _targets[d])
            {
                double ic50 = target.Pathway == Pathway.Alk ? target.Ic50NanoMolar * alkFold[d] : target.Ic50NanoMolar;
                int p = (int)target.Pathway;
                double h = Hill.Effect(free, ic50, target.HillSlope);
                inhibition[p] = Hill.BlissCombine(inhibition[p], h);
                onBirth[p] = Hill.BlissCombine(onBirth[p], _onBirth[d] * h);
                onDeath[p] = Hill.BlissCombine(onDeath[p], _onDeath[d] * h);
            }
            if (drug.Cytotoxic is { } cytotoxic)
                kill += _maxKill[d] * killFold[d] * Hill.Effect(free, cytotoxic.Ec50NanoMolar, cytotoxic.HillSlope);
        }
        _effects.Kill(drugClass) = kill;
    }

    /// <summary>Computes and keeps the terms of <paramref name="genotype"/> that no drug level changes (<see cref="GenotypeTerms"/>).</summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    private int AddTerms(ulong genotype)
    {
        if (_terms.Count == GenotypeTerms.MaxKept)
        {
            _terms.Clear();
            _effects.Clear();
        }
        int slot = _terms.Add(genotype);
        // Activity per pathway in two parts: independent of ALK, and coupled to it (scaled by ALK's uninhibited
        // fraction: the ALK-dependent share of a bypass's signal).
        var activity = _terms.Activity(slot);
        var coupled = _terms.Coupled(slot);
        int copies = _layout.AlkCopies(genotype);
        activity[(int)Pathway.Alk] = copies * (1 - _population.Signal.AlkIndependentShare);
        double costFactor = Math.Pow(_amplificationCostFactor, copies - 1);

        // ALK fold change per drug: product over this clone's kinase mutations (compound = product).
        var alkFold = _terms.AlkFold(slot);
        alkFold.Fill(1.0);
        for (int slotOfMutation = 0; slotOfMutation < _layout.AlkSlots; slotOfMutation++)
        {
            int m = _layout.AlkMutationAt(genotype, slotOfMutation);
            if (m < 0) break;
            costFactor *= _alkMutationCostFactor[m];
            for (int d = 0; d < DrugCount; d++) alkFold[d] *= _alkFold[m * DrugCount + d];
        }
        for (int i = 0; i < _otherActivity.Length; i++)
        {
            if (!_layout.HasOther(genotype, i)) continue;
            costFactor *= _otherCostFactor[i];
            double theta = _otherAlkDependence[i];
            activity[(int)_otherPathway[i]] += _otherActivity[i] * (1 - theta);
            coupled[(int)_otherPathway[i]] += _otherActivity[i] * theta;
        }
        double protection = 0;
        for (int p = 0; p < _phenotypeCostFactor.Length; p++)
        {
            if (!_layout.HasPhenotype(genotype, p)) continue;
            costFactor *= _phenotypeCostFactor[p];
            foreach (var a in _phenotypeActivities[p]) activity[(int)a.Pathway] += a.Activity;
            protection = Math.Max(protection, _phenotypeProtection[p]);
        }
        _terms.CostFactor(slot) = costFactor;
        _terms.Protection(slot) = protection;
        for (int d = 0; d < DrugCount; d++)
        {
            _terms.ExposureFold(slot)[d] = _exposureFolds.For(genotype, d);
            _terms.KillFold(slot)[d] = _killFolds.For(genotype, d);
        }
        _terms.AssignDrugClass(slot);
        return slot;
    }

    /// <summary>
    /// Σ_p (a_p + c_p (1 − I_ALK)) (1 − I_p) over the signalling pathways (autophagy is a protection, not a signal),
    /// c_p being the ALK-coupled activity; S adds the uninhibited ALK-independent share. Three at once, for the
    /// inhibition on birth, on death and in full: one pass over the genotype's activities, each sum in pathway order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ResidualSignals(ReadOnlySpan<double> activity, ReadOnlySpan<double> coupled, ReadOnlySpan<double> onBirth,
        ReadOnlySpan<double> onDeath, ReadOnlySpan<double> inhibition, out double signalOnBirth, out double signalOnDeath, out double signal)
    {
        double birthAlkUninhibited = 1 - onBirth[(int)Pathway.Alk];
        double deathAlkUninhibited = 1 - onDeath[(int)Pathway.Alk];
        double alkUninhibited = 1 - inhibition[(int)Pathway.Alk];
        signalOnBirth = 0;
        signalOnDeath = 0;
        signal = 0;
        for (int p = 0; p < activity.Length; p++)
        {
            if (p == (int)Pathway.Autophagy) continue;
            signalOnBirth += (activity[p] + coupled[p] * birthAlkUninhibited) * (1 - onBirth[p]);
            signalOnDeath += (activity[p] + coupled[p] * deathAlkUninhibited) * (1 - onDeath[p]);
            signal += (activity[p] + coupled[p] * alkUninhibited) * (1 - inhibition[p]);
        }
    }

    /// <summary>Per-cell rate at which this genotype flips phenotype <paramref name="phenotype"/> (on if off, off if on).</summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    public double SwitchRate(ulong genotype, int phenotype, double alkInhibition)
    {
        var p = _phenotypes[phenotype];
        return _layout.HasPhenotype(genotype, phenotype)
            ? p.OffPerDay + p.OffPerDayWithoutStress * (1 - alkInhibition)
            : p.OnPerDay + p.OnPerDayAtFullStress * alkInhibition;
    }
}
