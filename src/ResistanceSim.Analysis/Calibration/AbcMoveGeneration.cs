using ResistanceSim.Analysis.Descriptive;
using ResistanceSim.Model.Calibration;
using ResistanceSim.Model.Random;

namespace ResistanceSim.Analysis.Calibration;

/// <summary>
/// One generation of ABC-SMC by resample-move (Del Moral, Doucet &amp; Jasra 2012, Stat Comput 22:1009, with one
/// simulation per particle): the tolerance is a quantile of the previous population's distances; the members within
/// it are resampled to <c>particles</c> and each is moved by one Metropolis–Hastings step of ABC-MCMC (Marjoram et al.
/// 2003, PNAS 100:15324) whose stationary law is the ABC posterior at that tolerance. Weights stay equal, so they cannot
/// collapse onto a few particles as importance weights do with many parameters and few particles.
/// </summary>
/// <remarks>
/// Proposal k (k &lt; <c>particles</c>) is a pure function of (seed, generation, k): its ancestor, a Gaussian step in
/// kernel space reflected into the prior's support (a reflected walk is symmetric, so the acceptance ratio is the
/// prior ratio), and the uniform of its acceptance test. Member k is the proposal if its distance is within the
/// tolerance and the test passes, else its ancestor unchanged.
/// </remarks>
public sealed class AbcMoveGeneration : IAbcGeneration
{
    private readonly IReadOnlyList<Prior> _priors;
    private readonly AbcPopulation _previous;
    private readonly int[] _alive;              // members of the previous population within the tolerance
    private readonly WeightedIndex _resample;   // over _alive, by their weights
    private readonly double[][] _previousKernel;
    private readonly PerturbationKernel _kernel;
    private readonly (double Low, double High)[] _bounds;
    private readonly ulong _seed;
    private readonly int _particles;
    private readonly Dictionary<int, (double[] Values, double Distance)> _results = [];

    /// <param name="previous">The previous generation's population (any weights).</param>
    /// <param name="quantile">The tolerance is this quantile of the previous population's distances.</param>
    public AbcMoveGeneration(int generation, IReadOnlyList<Prior> priors, AbcPopulation previous, int particles, double quantile, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(priors);
        ArgumentNullException.ThrowIfNull(previous);
        if (generation < 1) throw new ArgumentOutOfRangeException(nameof(generation), generation, "Generation 0 samples the prior; moves start at generation 1.");
        if (particles < 1) throw new ArgumentOutOfRangeException(nameof(particles), particles, "A generation needs at least one particle.");
        Number = generation;
        _priors = priors;
        _previous = previous;
        _particles = particles;
        _seed = seed;
        Epsilon = SampleQuantile.Type7(previous.Distances, quantile);
        _alive = [.. Enumerable.Range(0, previous.Count).Where(i => previous.Distances[i] <= Epsilon)];
        _resample = new WeightedIndex([.. _alive.Select(i => previous.Weights[i])]);
        _previousKernel = previous.InKernelSpace(priors);
        // Roberts, Gelman & Gilks 1997 (Ann Appl Probab 7:110): 2.38²/d times the target's covariance for a random-walk
        // Metropolis step in d dimensions.
        double scale = 2.38 * 2.38 / priors.Count;
        _kernel = new PerturbationKernel([.. _alive.Select(i => _previousKernel[i])], [.. _alive.Select(i => previous.Weights[i])],
            [.. priors.Select(AbcSmcGeneration.KernelFloor)], scale);
        _bounds = [.. priors.Select(p => (p.ToKernelSpace(p.Support.Min), p.ToKernelSpace(p.Support.Max)))];
    }

    public int Number { get; }

    public double Epsilon { get; }

    public int ProposalLimit => _particles;

    public bool WantsMoreProposals => !IsComplete;

    public double[] Propose(int index) => Move(index).Values;

    public bool Offer(int index, double[] values, double distance)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (index < 0 || index >= _particles) throw new ArgumentOutOfRangeException(nameof(index), index, $"a move generation has proposals 0–{_particles - 1}");
        _results.TryAdd(index, (values, distance));
        return IsMoveAccepted(index, distance);
    }

    public bool HasResult(int index) => _results.ContainsKey(index);

    public int Evaluated => _results.Count;

    public int Accepted => _results.Count(r => IsMoveAccepted(r.Key, r.Value.Distance));

    public int Settled => _results.Count;

    public bool IsComplete => _results.Count >= _particles;

    public IReadOnlyList<int> MissingBeforeComplete() => [.. Enumerable.Range(0, _particles).Where(k => !_results.ContainsKey(k))];

    public int ProposalsUsed => _particles;

    /// <summary>Member k: the proposal where its move was accepted, its ancestor otherwise; equal weights.</summary>
    public AbcPopulation Build()
    {
        if (!IsComplete) throw new InvalidOperationException($"generation {Number} has {_results.Count} of {_particles} moves");
        var sources = new ParticleSource[_particles];
        var values = new double[_particles][];
        var distances = new double[_particles];
        for (int k = 0; k < _particles; k++)
        {
            var (proposed, distance) = _results[k];
            if (IsMoveAccepted(k, distance))
                (sources[k], values[k], distances[k]) = (new ParticleSource(Number, k), proposed, distance);
            else
            {
                int ancestor = Move(k).Ancestor;
                (sources[k], values[k], distances[k]) = (_previous.Sources[ancestor], _previous.Values[ancestor], _previous.Distances[ancestor]);
            }
        }
        return new AbcPopulation(Number, sources, values, [.. Enumerable.Repeat(1.0 / _particles, _particles)], distances, Epsilon);
    }

    private bool IsMoveAccepted(int index, double distance)
    {
        if (!double.IsFinite(distance) || distance > Epsilon) return false;
        var move = Move(index);
        return move.Uniform < move.PriorRatio;
    }

    /// <summary>Proposal <paramref name="index"/>: its ancestor (index into the previous population), values, prior ratio and test uniform.</summary>
    private (int Ancestor, double[] Values, double PriorRatio, double Uniform) Move(int index)
    {
        var stream = SplitMixStream.For(_seed, (ulong)Number, (ulong)index);
        int ancestor = _alive[_resample.Pick(stream.NextDouble())];
        Span<double> normals = stackalloc double[_priors.Count];
        for (int j = 0; j < normals.Length; j++) normals[j] = stream.NextStandardNormal();
        var z = _kernel.Step(_previousKernel[ancestor], normals);
        double ratio = 1;
        for (int j = 0; j < z.Length; j++)
        {
            z[j] = Reflect(z[j], _bounds[j].Low, _bounds[j].High);
            ratio *= _priors[j].KernelSpaceDensity(z[j]) / _priors[j].KernelSpaceDensity(_previousKernel[ancestor][j]);
        }
        return (ancestor, [.. z.Select((x, j) => _priors[j].FromKernelSpace(x))], ratio, stream.NextDouble());
    }

    /// <summary>Folds <paramref name="z"/> back into [low, high] by reflection at the bounds (either may be infinite).</summary>
    public static double Reflect(double z, double low, double high)
    {
        if (double.IsFinite(low) && double.IsFinite(high))
        {
            double width = high - low;
            if (width <= 0) return low;
            double y = (z - low) % (2 * width);
            if (y < 0) y += 2 * width;
            return low + (y > width ? 2 * width - y : y);
        }
        if (double.IsFinite(low) && z < low) return 2 * low - z;
        if (double.IsFinite(high) && z > high) return 2 * high - z;
        return z;
    }
}
