using ResistanceSim.Engine.Agents;
using ResistanceSim.Model;

namespace ResistanceSim.Engine.Algorithms;

/// <summary>A simulation algorithm the tool offers, and how to make a fresh (per-worker) instance of it.</summary>
/// <param name="Stochastic">False for the deterministic mean-field engine, to which checks of randomness (variance, extinction) do not apply.</param>
public sealed record AlgorithmInfo(EngineKind Kind, string Name, string Summary, Func<ISimulationAlgorithm> Create, bool Stochastic = true)
{
    public override string ToString() => Name;
}

/// <summary>Every algorithm, in one list: the tests iterate it so each analytic check runs on each engine.</summary>
public static class Algorithms
{
    public static IReadOnlyList<AlgorithmInfo> All { get; } =
    [
        new(EngineKind.Exact, "exact", "Gillespie direct method with composition–rejection selection", () => new DirectMethod()),
        new(EngineKind.Tau, "tau", "binomial tau-leaping with the Cao–Gillespie–Petzold step rule", () => new TauLeaping()),
        new(EngineKind.Ode, "ode", "deterministic mean field: Dormand–Prince 5(4) with dense output, Rosenbrock fallback", () => new OdeMethod(), Stochastic: false),
        new(EngineKind.Hybrid, "hybrid", "exact events for small clones, BNB leaps for large ones", () => new HybridMethod()),
        new(EngineKind.Agents, "agents", "individual cells on a 2D/3D lattice (or well mixed), exact event-driven with Erlang cycles", () => new AgentMethod()),
    ];

    /// <summary>The engines that sample the chain (every one but the mean-field ODE).</summary>
    public static IReadOnlyList<AlgorithmInfo> Stochastic => [.. All.Where(a => a.Stochastic)];

    public static bool IsAvailable(EngineKind kind) => All.Any(a => a.Kind == kind);

    public static AlgorithmInfo Get(EngineKind kind) =>
        All.FirstOrDefault(a => a.Kind == kind)
        ?? throw new NotSupportedException($"The {kind.ToString().ToLowerInvariant()} engine is not available yet; available: {string.Join(", ", All.Select(a => a.Name))}.");

    public static string NameOf(EngineKind kind) => kind.ToString().ToLowerInvariant();
}
