using System.Reflection;
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
/// inlined into it as usual); ReadyToRun images leave them out, so each costs a JIT compilation —
/// <see cref="CompileInBackground"/> moves that off a short run's path.
/// </summary>
public static class HotPath
{
    /// <summary><c>[MethodImpl(HotPath.OptimizeAtFirstCall)]</c>: compiled optimized at its first call, bypassing the tier-up queue.</summary>
    internal const MethodImplOptions OptimizeAtFirstCall = MethodImplOptions.AggressiveOptimization;

    /// <summary>
    /// Compiles every marked method on a background thread, while the caller loads its scenario: a one-replicate run
    /// otherwise waits about 30 ms for them at its first events (benchmarks/RESULTS.md, "A small run's process").
    /// A method the run reaches first is compiled once all the same (the runtime lets one thread compile it).
    /// </summary>
    public static void CompileInBackground() =>
        new Thread(() =>
        {
            foreach (var method in Marked()) RuntimeHelpers.PrepareMethod(method.MethodHandle);
        })
        { IsBackground = true, Name = "hot path compiler" }.Start();

    /// <summary>The methods marked with <see cref="OptimizeAtFirstCall"/> (those of generic types and generic methods left out: they need their type arguments).</summary>
    internal static IEnumerable<MethodInfo> Marked() =>
        typeof(HotPath).Assembly.GetTypes()
            .Where(type => !type.ContainsGenericParameters)
            .SelectMany(type => type.GetMethods(BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static))
            .Where(method => (method.MethodImplementationFlags & MethodImplAttributes.AggressiveOptimization) != 0 && !method.ContainsGenericParameters);
}
