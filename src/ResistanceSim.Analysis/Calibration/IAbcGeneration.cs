namespace ResistanceSim.Analysis.Calibration;

/// <summary>
/// One ABC-SMC generation as the calibration runner drives it: proposal k is a pure function of (seed, generation, k),
/// results may arrive in any order (threads, shards, a journal replay), and the population built from them does not
/// depend on that order.
/// </summary>
public interface IAbcGeneration
{
    int Number { get; }

    /// <summary>The distance a proposal must not exceed (infinite in generation 0).</summary>
    double Epsilon { get; }

    /// <summary>Proposals at or beyond this index are never needed (<see cref="int.MaxValue"/>: no bound).</summary>
    int ProposalLimit { get; }

    /// <summary>Whether evaluating further proposals of one's own may still help complete the generation.</summary>
    bool WantsMoreProposals { get; }

    /// <summary>Proposal <paramref name="index"/> (natural scale).</summary>
    double[] Propose(int index);

    /// <summary>Records proposal <paramref name="index"/>'s outcome (in any order); returns whether it is accepted.</summary>
    bool Offer(int index, double[] values, double distance);

    bool HasResult(int index);

    /// <summary>Proposals evaluated so far.</summary>
    int Evaluated { get; }

    /// <summary>Proposals accepted so far (moves accepted, in a move generation).</summary>
    int Accepted { get; }

    /// <summary>Members of the population settled so far, for the progress bar.</summary>
    int Settled { get; }

    bool IsComplete { get; }

    /// <summary>Proposals without a result that the generation needs once no more of one's own are wanted.</summary>
    IReadOnlyList<int> MissingBeforeComplete();

    /// <summary>Proposals the generation used (the acceptance rate's denominator).</summary>
    int ProposalsUsed { get; }

    AbcPopulation Build();
}
