using System.Runtime.CompilerServices;

namespace ResistanceSim.Engine;

/// <summary>
/// How the methods every simulated event passes through are compiled. Tiered compilation first gives a method quick,
/// unoptimized code and queues it for optimization once it has been called often; by then loading a trial has queued
/// thousands of binder and YAML methods (every patient's scenario is bound), and the one background compiler works
/// through them first — with no free core when every core runs a worker. The workers then spend the first seconds of
/// a trial in unoptimized engine code, each of them, so two threads burned more CPU than one for the same work
/// (benchmarks/RESULTS.md, "The engine's hot path compiled optimized"). Methods marked with
/// <see cref="OptimizeAtFirstCall"/> are compiled optimized when first called and never queued. Mark only methods
/// that are hot in some run and too large to be inlined (a marked method is rarely inlined; its small callees are
/// inlined into it as usual); ReadyToRun images leave them out, so each costs a JIT compilation at start-up.
/// </summary>
internal static class HotPath
{
    /// <summary><c>[MethodImpl(HotPath.OptimizeAtFirstCall)]</c>: compiled optimized at its first call, bypassing the tier-up queue.</summary>
    public const MethodImplOptions OptimizeAtFirstCall = MethodImplOptions.AggressiveOptimization;
}
