using System.Runtime.CompilerServices;
using ResistanceSim.Model;

namespace ResistanceSim.Engine.Genetics;

/// <summary>
/// One way of acquiring heritable mechanisms, with a weight per mechanism (a probability per division, or a
/// rate per cell per day): which mechanisms a genotype can still acquire — an ALK kinase mutation while a
/// compound slot is free and the mutation is not already present, one more amplification step below the copy
/// cap, each bypass/downstream/fitness mechanism not yet carried, a sanctuary site only for a cell in none (a cell
/// is in one place: a brain metastasis does not seed the brain again) — and one acquisition's outcome.
/// </summary>
public sealed class MutationTable
{
    private readonly GenotypeLayout _layout;
    private readonly double[] _alk;
    private readonly double[] _other;
    private readonly ulong[] _otherBlockedBy;   // a genotype with any of these bits cannot acquire other mechanism i
    private readonly double _amplification;
    private readonly int _copiesPerEvent;
    private readonly bool _isProbability;

    /// <param name="weight">The mechanism's weight in this table.</param>
    /// <param name="isProbability">Weights are probabilities of one event (their total is capped at 1).</param>
    public MutationTable(MechanismCatalog catalog, Func<HeritableMechanism, double> weight, bool isProbability)
    {
        _layout = catalog.Layout;
        _alk = catalog.AlkMutations.Select(weight).ToArray();
        _other = catalog.OtherHeritable.Select(weight).ToArray();
        // Its own bit (already carried), or for a sanctuary every sanctuary's (a cell is in one site at a time).
        _otherBlockedBy = catalog.OtherHeritable
            .Select((mechanism, i) => mechanism is Sanctuary ? catalog.SanctuaryBits : _layout.WithOther(0, i)).ToArray();
        _amplification = catalog.Amplification is { } amplification ? weight(amplification) : 0;
        _copiesPerEvent = catalog.Amplification?.CopiesPerEvent ?? 0;
        _isProbability = isProbability;
    }

    /// <summary>The summed weight of every mechanism <paramref name="genotype"/> can still acquire.</summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    public double Total(ulong genotype)
    {
        double total = 0;
        if (_layout.AlkMutationCount(genotype) < _layout.AlkSlots)
        {
            for (int m = 0; m < _alk.Length; m++)
                if (!_layout.HasAlkMutation(genotype, m)) total += _alk[m];
        }
        if (CanAmplify(genotype)) total += _amplification;
        for (int i = 0; i < _other.Length; i++)
            if (CanAcquireOther(genotype, i)) total += _other[i];
        return _isProbability ? Math.Min(total, 1.0) : total;
    }

    /// <summary>
    /// The acquiring cell's new genotype, choosing among the available mechanisms in proportion to their
    /// weights; <paramref name="target"/> is uniform in [0, Total).
    /// </summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    public ulong Mutate(ulong genotype, double target)
    {
        ulong lastChoice = genotype;
        if (_layout.AlkMutationCount(genotype) < _layout.AlkSlots)
        {
            for (int m = 0; m < _alk.Length; m++)
            {
                if (_layout.HasAlkMutation(genotype, m) || _alk[m] <= 0) continue;
                lastChoice = _layout.WithAlkMutation(genotype, m);
                if ((target -= _alk[m]) < 0) return lastChoice;
            }
        }
        if (CanAmplify(genotype) && _amplification > 0)
        {
            lastChoice = Amplified(genotype);
            if ((target -= _amplification) < 0) return lastChoice;
        }
        for (int i = 0; i < _other.Length; i++)
        {
            if (!CanAcquireOther(genotype, i) || _other[i] <= 0) continue;
            lastChoice = _layout.WithOther(genotype, i);
            if ((target -= _other[i]) < 0) return lastChoice;
        }
        // Rounding can leave target a hair above the sum: the last candidate absorbs it.
        return lastChoice;
    }

    /// <summary>
    /// Every genotype <paramref name="genotype"/> can acquire with its weight (the deterministic counterpart
    /// of <see cref="Mutate"/>, for the ODE engine and for splitting many mutants at once).
    /// </summary>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    public void Outcomes(ulong genotype, List<(ulong Genotype, double Weight)> outcomes)
    {
        outcomes.Clear();
        if (_layout.AlkMutationCount(genotype) < _layout.AlkSlots)
        {
            for (int m = 0; m < _alk.Length; m++)
                if (!_layout.HasAlkMutation(genotype, m) && _alk[m] > 0)
                    outcomes.Add((_layout.WithAlkMutation(genotype, m), _alk[m]));
        }
        if (CanAmplify(genotype) && _amplification > 0) outcomes.Add((Amplified(genotype), _amplification));
        for (int i = 0; i < _other.Length; i++)
            if (CanAcquireOther(genotype, i) && _other[i] > 0)
                outcomes.Add((_layout.WithOther(genotype, i), _other[i]));
        if (!_isProbability) return;
        // Total caps a probability at 1; scale the outcomes the same way.
        double total = 0;
        foreach (var o in outcomes) total += o.Weight;
        if (total > 1)
            for (int k = 0; k < outcomes.Count; k++) outcomes[k] = (outcomes[k].Genotype, outcomes[k].Weight / total);
    }

    private bool CanAcquireOther(ulong genotype, int i) => (genotype & _otherBlockedBy[i]) == 0;

    private ulong Amplified(ulong genotype) =>
        _layout.WithAlkCopies(genotype, Math.Min(_layout.AlkCopies(genotype) + _copiesPerEvent, _layout.MaxCopies));

    private bool CanAmplify(ulong genotype) => _copiesPerEvent > 0 && _layout.AlkCopies(genotype) < _layout.MaxCopies;
}
