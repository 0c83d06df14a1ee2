using ResistanceSim.Model;

namespace ResistanceSim.Engine.Genetics;

/// <summary>
/// Which heritable mechanisms a dividing cell of a genotype can still acquire, and with what
/// probability per division: an ALK kinase mutation while a compound slot is free and the
/// mutation is not already present, one more amplification step below the copy cap, and each
/// bypass/downstream/fitness mechanism not yet carried. A division acquires at most one.
/// </summary>
public sealed class MutationModel
{
    private readonly GenotypeLayout _layout;
    private readonly double[] _alkProbability;
    private readonly double[] _otherProbability;
    private readonly double _amplificationProbability;
    private readonly int _copiesPerEvent;

    public MutationModel(MechanismCatalog catalog)
    {
        _layout = catalog.Layout;
        _alkProbability = catalog.AlkMutations.Select(m => m.ProbabilityPerDivision).ToArray();
        _otherProbability = catalog.OtherHeritable.Select(m => m.ProbabilityPerDivision).ToArray();
        _amplificationProbability = catalog.Amplification?.ProbabilityPerDivision ?? 0;
        _copiesPerEvent = catalog.Amplification?.CopiesPerEvent ?? 0;
    }

    /// <summary>U: probability that one division of <paramref name="genotype"/> produces a mutant daughter.</summary>
    public double TotalProbability(ulong genotype)
    {
        double total = 0;
        if (_layout.AlkMutationCount(genotype) < _layout.AlkSlots)
        {
            for (int m = 0; m < _alkProbability.Length; m++)
                if (!_layout.HasAlkMutation(genotype, m)) total += _alkProbability[m];
        }
        if (CanAmplify(genotype)) total += _amplificationProbability;
        for (int i = 0; i < _otherProbability.Length; i++)
            if (!_layout.HasOther(genotype, i)) total += _otherProbability[i];
        return Math.Min(total, 1.0);
    }

    /// <summary>
    /// The mutant daughter's genotype, choosing among the available mechanisms in proportion to
    /// their probabilities; <paramref name="target"/> is uniform in [0, TotalProbability).
    /// </summary>
    public ulong Mutate(ulong genotype, double target)
    {
        ulong lastChoice = genotype;
        if (_layout.AlkMutationCount(genotype) < _layout.AlkSlots)
        {
            for (int m = 0; m < _alkProbability.Length; m++)
            {
                if (_layout.HasAlkMutation(genotype, m) || _alkProbability[m] <= 0) continue;
                lastChoice = _layout.WithAlkMutation(genotype, m);
                if ((target -= _alkProbability[m]) < 0) return lastChoice;
            }
        }
        if (CanAmplify(genotype) && _amplificationProbability > 0)
        {
            int copies = Math.Min(_layout.AlkCopies(genotype) + _copiesPerEvent, _layout.MaxCopies);
            lastChoice = _layout.WithAlkCopies(genotype, copies);
            if ((target -= _amplificationProbability) < 0) return lastChoice;
        }
        for (int i = 0; i < _otherProbability.Length; i++)
        {
            if (_layout.HasOther(genotype, i) || _otherProbability[i] <= 0) continue;
            lastChoice = _layout.WithOther(genotype, i);
            if ((target -= _otherProbability[i]) < 0) return lastChoice;
        }
        // Rounding can leave target a hair above the sum: the last candidate absorbs it.
        return lastChoice;
    }

    /// <summary>
    /// Every mutant genotype a division of <paramref name="genotype"/> can produce, with its
    /// probability per division (the deterministic counterpart of <see cref="Mutate"/>, for the ODE engine).
    /// </summary>
    public void Outcomes(ulong genotype, List<(ulong Genotype, double Probability)> outcomes)
    {
        outcomes.Clear();
        if (_layout.AlkMutationCount(genotype) < _layout.AlkSlots)
        {
            for (int m = 0; m < _alkProbability.Length; m++)
                if (!_layout.HasAlkMutation(genotype, m) && _alkProbability[m] > 0)
                    outcomes.Add((_layout.WithAlkMutation(genotype, m), _alkProbability[m]));
        }
        if (CanAmplify(genotype) && _amplificationProbability > 0)
            outcomes.Add((_layout.WithAlkCopies(genotype, Math.Min(_layout.AlkCopies(genotype) + _copiesPerEvent, _layout.MaxCopies)), _amplificationProbability));
        for (int i = 0; i < _otherProbability.Length; i++)
            if (!_layout.HasOther(genotype, i) && _otherProbability[i] > 0)
                outcomes.Add((_layout.WithOther(genotype, i), _otherProbability[i]));
        // TotalProbability caps U at 1; scale the outcomes the same way.
        double total = 0;
        foreach (var o in outcomes) total += o.Probability;
        if (total > 1)
            for (int k = 0; k < outcomes.Count; k++) outcomes[k] = (outcomes[k].Genotype, outcomes[k].Probability / total);
    }

    private bool CanAmplify(ulong genotype) => _copiesPerEvent > 0 && _layout.AlkCopies(genotype) < _layout.MaxCopies;
}
