using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace ResistanceSim.Output;

/// <summary>
/// A hidden test hook for the fault tests: with <c>RESISTANCESIM_FAULT=&lt;action&gt;@&lt;point&gt;[#n]</c> the
/// process acts when it reaches a named point for the n-th time (default the first): <c>kill</c> sends itself
/// SIGKILL (no cleanup, as a crash or the OOM killer would), <c>term</c> sends itself SIGTERM and waits until
/// the stop request is seen (a deterministic Ctrl+C), <c>pause</c> prints <c>fault: paused at &lt;point&gt;</c>
/// to stderr and waits to be killed (a run that holds its lock). Without the variable every point is a no-op.
/// </summary>
public static class FaultInjection
{
    public const string Variable = "RESISTANCESIM_FAULT";

    /// <summary>Before each chunk of finished work units is recorded in the done-list.</summary>
    public const string Checkpoint = "checkpoint";

    /// <summary>After the tables of the last publish were invalidated (manifest removed), before any table is written.</summary>
    public const string PublishStart = "publish-start";

    /// <summary>Before each table's part file is renamed to its final name (n-th table).</summary>
    public const string PublishRename = "publish-rename";

    /// <summary>After the run's own tables are final, before the derived tables (assay fits, trial endpoints).</summary>
    public const string PublishDerived = "publish-derived";

    /// <summary>Before the manifest that lists the tables is written.</summary>
    public const string PublishManifest = "publish-manifest";

    /// <summary>After the manifest, before the done-list is marked complete and the spool deleted.</summary>
    public const string PublishComplete = "publish-complete";

    private static readonly (string Action, string Point, int Occurrence)? Planned = Parse(Environment.GetEnvironmentVariable(Variable));
    private static readonly ConcurrentDictionary<string, int> Reached = new(StringComparer.Ordinal);

    /// <summary>Set by the command line: what a <c>term</c> fault waits for.</summary>
    public static CancellationToken StopRequested { get; set; }

    public static void Reach(string point)
    {
        if (Planned is not { } plan || !string.Equals(plan.Point, point, StringComparison.Ordinal)) return;
        if (Reached.AddOrUpdate(point, 1, (_, n) => n + 1) != plan.Occurrence) return;
        switch (plan.Action)
        {
            case "kill":
                using (var self = Process.GetCurrentProcess()) self.Kill();   // SIGKILL on Unix
                Thread.Sleep(Timeout.Infinite);
                break;
            case "term":
                using (var signal = Process.Start("kill", ["-TERM", Environment.ProcessId.ToString(CultureInfo.InvariantCulture)])) signal.WaitForExit();
                StopRequested.WaitHandle.WaitOne(TimeSpan.FromSeconds(30));
                break;
            case "pause":
                Console.Error.WriteLine($"fault: paused at {point}");
                Console.Error.Flush();
                Thread.Sleep(Timeout.Infinite);
                break;
        }
    }

    private static (string, string, int)? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        int at = text.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0) return null;
        string action = text[..at], point = text[(at + 1)..];
        int occurrence = 1;
        int hash = point.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            if (!int.TryParse(point.AsSpan(hash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out occurrence) || occurrence < 1) return null;
            point = point[..hash];
        }
        return action is "kill" or "term" or "pause" ? (action, point, occurrence) : null;
    }
}
