using System.Runtime;

namespace ResistanceSim.Cli.Commands;

/// <summary>
/// Waits for the runtime's background compiler to go quiet, so that a timed case is not charged for optimizing what
/// earlier cases ran. Tiered compilation promotes a method called often enough to optimized code on a background
/// thread, after a delay that every newly compiled method restarts; loading a scenario compiles hundreds of YAML and
/// binder methods, so their promotion waits for the first long loop — the next case's — and its CPU time (about 0.4
/// s in the 2D dish case, benchmarks/RESULTS.md) lands in that case's per-CPU-second rate.
/// </summary>
internal static class BackgroundCompilation
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);   // three tiering delays (100 ms each) with nothing compiled
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    /// <summary>Returns once no method has been compiled for <see cref="Quiet"/>, or after <see cref="Limit"/>.</summary>
    public static void WaitUntilQuiet(CancellationToken cancellation)
    {
        var waited = TimeSpan.Zero;
        var quietFor = TimeSpan.Zero;
        long compiled = JitInfo.GetCompiledMethodCount();
        while (quietFor < Quiet && waited < Limit)
        {
            cancellation.WaitHandle.WaitOne(Poll);
            cancellation.ThrowIfCancellationRequested();
            waited += Poll;
            long now = JitInfo.GetCompiledMethodCount();
            quietFor = now == compiled ? quietFor + Poll : TimeSpan.Zero;
            compiled = now;
        }
    }
}
