using ResistanceSim.Analysis.Descriptive;
using ResistanceSim.Model.Calibration;
using ResistanceSim.Model.Random;

namespace ResistanceSim.Analysis.Calibration;

/// <summary>
/// One generation of ABC-SMC (Toni et al. 2009, J R Soc Interface 6:187; Beaumont et al. 2009): proposal k is a pure
/// function of (seed, generation, k) — from the prior in generation 0, otherwise a weighted ancestor of the previous
/// population moved by <see cref="PerturbationKernel"/> and redrawn until it lies in the prior's support. A proposal
/// is accepted when its distance is finite and at most <see cref="Epsilon"/>; the generation is the first
/// <c>particles</c> accepted proposals <em>by index</em>, so it does not depend on how many were evaluated at once,
/// on which thread or shard, or in what order results arrived.
/// </summary>
public sealed class AbcSmcGeneration : IAbcGeneration
{
    private const int MaxRedraws = 100_000;

    /// <summary>Twice the population's covariance (Beaumont, Cornuet, Marin &amp; Robert 2009, Biometrika 96:983).</summary>
    private const double CovarianceScale = 2;

    private readonly IReadOnlyList<Prior> _priors;
    private readonly AbcPopulation? _previous;
    private readonly double[][]? _previousKernel;
    private readonly WeightedIndex? _ancestors;
    private readonly PerturbationKernel? _kernel;
    private readonly ulong _seed;
    private readonly int _particles;
    private readonly SortedDictionary<int, (double[] Values, double Distance)> _results = [];

    /// <param name="previous">The previous generation's population; null for generation 0 (the prior).</param>
    /// <param name="quantile">The tolerance is this quantile of the previous population's distances.</param>
    public AbcSmcGeneration(int generation, IReadOnlyList<Prior> priors, AbcPopulation? previous, int particles, double quantile, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(priors);
        if (particles < 1) throw new ArgumentOutOfRangeException(nameof(particles), particles, "A generation needs at least one particle.");
        if ((generation == 0) != (previous is null)) throw new ArgumentException("Generation 0 samples the prior; every later one needs the previous population.", nameof(previous));
        Number = generation;
        _priors = priors;
        _previous = previous;
        _particles = particles;
        _seed = seed;
        Epsilon = double.PositiveInfinity;
        if (previous is null) return;
        Epsilon = SampleQuantile.Type7(previous.Distances, quantile);
        _previousKernel = previous.InKernelSpace(priors);
        _kernel = new PerturbationKernel(_previousKernel, previous.Weights, [.. priors.Select(KernelFloor)], CovarianceScale);
        _ancestors = new WeightedIndex(previous.Weights);
    }

    public int Number { get; }

    /// <summary>The distance a proposal must not exceed (infinite in generation 0: every finite distance is accepted).</summary>
    public double Epsilon { get; }

    /// <summary>Proposal <paramref name="index"/> of this generation (natural scale).</summary>
    public double[] Propose(int index)
    {
        var stream = SplitMixStream.For(_seed, (ulong)Number, (ulong)index);
        // A lambda, not the method group: the group would bind a copy of the struct, and every parameter would draw the same uniform.
        if (_previous is null) return [.. _priors.Select(p => p.Sample(() => stream.NextOpenDouble()))];
        Span<double> normals = stackalloc double[_priors.Count];
        for (int attempt = 0; attempt < MaxRedraws; attempt++)
        {
            int ancestor = _ancestors!.Pick(stream.NextDouble());
            for (int j = 0; j < normals.Length; j++) normals[j] = stream.NextStandardNormal();
            var z = _kernel!.Step(_previousKernel![ancestor], normals);
            if (PriorDensity(z) > 0) return [.. z.Select((x, j) => _priors[j].FromKernelSpace(x))];
        }
        throw new InvalidOperationException($"generation {Number}: no move in {MaxRedraws} landed inside the prior's support");
    }

    /// <summary>Records proposal <paramref name="index"/>'s outcome (in any order); returns whether it is accepted.</summary>
    public bool Offer(int index, double[] values, double distance)
    {
        ArgumentNullException.ThrowIfNull(values);
        _results.TryAdd(index, (values, distance));
        return IsAccepted(distance);
    }

    public bool IsAccepted(double distance) => double.IsFinite(distance) && distance <= Epsilon;

    public bool HasResult(int index) => _results.ContainsKey(index);

    /// <summary>Proposals evaluated so far.</summary>
    public int Evaluated => _results.Count;

    /// <summary>Whether the first <c>particles</c> accepted proposals are known: every index before the last of them has a result.</summary>
    public bool IsComplete => AcceptedPrefix().Count >= _particles;

    /// <summary>Accepted proposals so far (any order), at most the <c>particles</c> the generation keeps.</summary>
    public int Accepted => Math.Min(_results.Values.Count(r => IsAccepted(r.Distance)), _particles);

    public int Settled => Accepted;

    public int ProposalLimit => int.MaxValue;

    /// <summary>Until enough acceptances are known, any further proposal may be one of the first <c>particles</c> accepted.</summary>
    public bool WantsMoreProposals => MissingBeforeComplete().Count == 0 && !IsComplete;

    /// <summary>
    /// Proposals still without a result that come before the last of the first <c>particles</c> acceptances known so
    /// far: what must be evaluated (by someone) before the generation can complete, once enough acceptances are known.
    /// </summary>
    public IReadOnlyList<int> MissingBeforeComplete()
    {
        int accepted = 0, last = -1;
        foreach (var (index, result) in _results)
        {
            if (!IsAccepted(result.Distance)) continue;
            last = index;
            if (++accepted == _particles) break;
        }
        if (accepted < _particles) return [];
        return [.. Enumerable.Range(0, last).Where(k => !_results.ContainsKey(k))];
    }

    /// <summary>Proposals needed to complete the generation: those before the last accepted one that counts (for the acceptance rate).</summary>
    public int ProposalsUsed => IsComplete ? AcceptedPrefix()[^1].Index + 1 : Evaluated;

    /// <summary>The generation's population: its first <c>particles</c> accepted proposals, weighted by importance.</summary>
    public AbcPopulation Build()
    {
        if (!IsComplete) throw new InvalidOperationException($"generation {Number} has {AcceptedPrefix().Count} of {_particles} particles");
        var accepted = AcceptedPrefix().Take(_particles).ToArray();
        var weights = accepted.Select(a => Weight(a.Values)).ToArray();
        double total = weights.Sum();
        return new AbcPopulation(Number, [.. accepted.Select(a => new ParticleSource(Number, a.Index))], [.. accepted.Select(a => a.Values)], [.. weights.Select(w => w / total)],
            [.. accepted.Select(a => a.Distance)], Epsilon);
    }

    /// <summary>Accepted results, in index order, up to the first gap in the indices.</summary>
    private List<(int Index, double[] Values, double Distance)> AcceptedPrefix()
    {
        var accepted = new List<(int, double[], double)>();
        int expected = 0;
        foreach (var (index, result) in _results)
        {
            if (index != expected++ || accepted.Count >= _particles) break;
            if (IsAccepted(result.Distance)) accepted.Add((index, result.Values, result.Distance));
        }
        return accepted;
    }

    /// <summary>Importance weight: prior density over the density of proposing this point from the previous population.</summary>
    private double Weight(double[] values)
    {
        if (_previous is null) return 1;
        var z = values.Select((x, j) => _priors[j].ToKernelSpace(x)).ToArray();
        // log-sum-exp over ancestors keeps tiny kernel densities from underflowing to 0.
        var terms = new double[_previous.Count];
        for (int i = 0; i < terms.Length; i++) terms[i] = Math.Log(_previous.Weights[i]) + _kernel!.LogDensity(z, _previousKernel![i]);
        double max = terms.Max();
        double logProposal = max + Math.Log(terms.Sum(t => Math.Exp(t - max)));
        return Math.Exp(Math.Log(PriorDensity(z)) - logProposal);
    }

    private double PriorDensity(double[] z)
    {
        double density = 1;
        for (int j = 0; j < z.Length; j++) density *= _priors[j].KernelSpaceDensity(z[j]);
        return density;
    }

    /// <summary>A thousandth of the prior's width in kernel space (its standard deviation when unbounded).</summary>
    internal static double KernelFloor(Prior prior) => prior switch
    {
        NormalPrior n when double.IsInfinity(n.Min) || double.IsInfinity(n.Max) => 1e-3 * n.StandardDeviation,
        _ => 1e-3 * (prior.ToKernelSpace(prior.Support.Max) - prior.ToKernelSpace(prior.Support.Min)),
    };
}
