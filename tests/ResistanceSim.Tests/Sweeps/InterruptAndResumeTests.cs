using System.Diagnostics;
using ResistanceSim.Output.Shards;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Sweeps;

/// <summary>
/// A sweep run as a separate <c>resistancesim</c> process is killed mid-run — with SIGKILL (no chance to
/// clean up) or SIGTERM (clean stop) — then resumed; its tables must equal an uninterrupted run's byte for
/// byte. The scenario (exact engine, 1.2e5 cells, 80 units, one thread) takes several seconds so the kill lands mid-run.
/// </summary>
public class InterruptAndResumeTests
{
    private static readonly string SlowSweep = SweepScenarios.Base
        .Replace("engine: tau", "engine: exact", StringComparison.Ordinal)
        .Replace("replicates: 3", "replicates: 40", StringComparison.Ordinal)
        .Replace("cells: 20000", "cells: 120000", StringComparison.Ordinal) + """
        sweep:
          grid:
            population.b0_per_day: [0.5, 0.7]

        """;

    [Theory]
    [InlineData("KILL", "--shard", "1/2")]
    [InlineData("TERM", "--shard", "0/1")]
    public void AKilledRunResumedEqualsAnUninterruptedOne(string signal, string shardOption, string shard)
    {
        using var temp = new TempDirectory();
        string scenario = temp.File("slow.yaml", SlowSweep);
        string reference = Path.Combine(temp.Path, "reference"), interrupted = Path.Combine(temp.Path, "interrupted");
        Assert.Equal(0, Support.Cli.Run("run", "--format", "csv", "--no-plots", scenario, "--out", reference, shardOption, shard, "--threads", "2").ExitCode);

        string[] args = ["run", "--format", "csv", "--no-plots", scenario, "--out", interrupted, shardOption, shard, "--threads", "1"];
        using var child = StartCli(args);
        string doneList = Path.Combine(interrupted, "sweep-test", "shards", $"part-{int.Parse(shard[..1], System.Globalization.CultureInfo.InvariantCulture):D5}.done.json");
        var progress = WaitForProgress(doneList, child);
        Assert.True(progress.UnitsDone < progress.ShardUnits, $"the run finished before it could be interrupted ({progress}); make the scenario slower");
        Signal(child, signal);
        Assert.True(child.WaitForExit(60_000), "the process did not stop");
        string stderr = child.StandardError.ReadToEnd();
        if (signal == "TERM")
        {
            Assert.Equal(130, child.ExitCode);
            Assert.Contains("--resume", stderr, StringComparison.Ordinal);
        }
        Assert.Empty(Directory.Exists(Path.Combine(interrupted, "sweep-test", "summary")) ? Directory.GetFiles(Path.Combine(interrupted, "sweep-test", "summary"), "part-*") : []);

        var resumed = Support.Cli.Run([.. args, "--resume"]);
        Assert.True(resumed.ExitCode == 0, resumed.Error);
        Assert.Contains("Resuming:", resumed.Output, StringComparison.Ordinal);
        foreach (string table in SweepRunTests.Tables)
            Assert.Equal(RunTablesText.Rows(Path.Combine(reference, "sweep-test"), table), RunTablesText.Rows(Path.Combine(interrupted, "sweep-test"), table));
    }

    private static Process StartCli(string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "resistancesim.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (string arg in args) start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        process.BeginOutputReadLine();   // drain stdout so the child never blocks on a full pipe
        return process;
    }

    /// <summary>Waits until the child has checkpointed a few units (or has exited, which fails the test).</summary>
    private static DoneList WaitForProgress(string doneListPath, Process child)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (child.HasExited) Assert.Fail("the run ended before it could be interrupted: " + child.StandardError.ReadToEnd());
            try
            {
                if (DoneList.TryRead(doneListPath) is { UnitsDone: >= 3 } progress) return progress;
            }
            catch (IOException) { }   // replaced while we read it
            Thread.Sleep(5);
        }
        throw new TimeoutException("no progress within 3 minutes");
    }

    private static void Signal(Process child, string signal)
    {
        if (signal == "KILL")
        {
            child.Kill();   // SIGKILL on Linux
            return;
        }
        using var kill = Process.Start("kill", ["-" + signal, child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }
}
