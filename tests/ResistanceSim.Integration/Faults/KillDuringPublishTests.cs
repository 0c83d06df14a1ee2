using ResistanceSim.Output;

namespace ResistanceSim.Integration.Faults;

/// <summary>
/// SIGKILL at every named point of a run's final publish (and at a checkpoint before it), into a directory
/// that already holds a complete earlier run (seed 1): readers then see the earlier run whole, the new run
/// whole, or a clear refusal — never a mix — and <c>--resume</c> gives tables byte-identical to an
/// uninterrupted run of seed 2.
/// </summary>
public class KillDuringPublishTests
{
    public static TheoryData<string> KillPoints => new()
    {
        $"kill@{FaultInjection.Checkpoint}#2",
        $"kill@{FaultInjection.PublishStart}",
        $"kill@{FaultInjection.PublishRename}#1",
        $"kill@{FaultInjection.PublishRename}#2",
        $"kill@{FaultInjection.PublishRename}#4",
        $"kill@{FaultInjection.PublishDerived}",
        $"kill@{FaultInjection.PublishManifest}",
        $"kill@{FaultInjection.PublishComplete}",
    };

    /// <summary>What SIGKILL makes of a child's exit code (128 + 9).</summary>
    private const int KilledExitCode = 137;

    [Theory]
    [MemberData(nameof(KillPoints))]
    public void AKilledPublishIsSeenWholeOrRefusedAndResumesToTheUninterruptedTables(string fault)
    {
        using var scenario = new FaultScenario();
        string earlier = scenario.Reference("earlier", "--seed", "1");
        string expected = scenario.Reference("expected", "--seed", "2");
        string root = Path.Combine(scenario.Root, "interrupted");
        string run = FaultScenario.RunDirectoryIn(root);
        Assert.Equal(0, CliProcess.Run(FaultScenario.RunArgs(root, "--seed", "1")).ExitCode);

        var killed = CliProcess.Run(FaultScenario.RunArgs(root, "--seed", "2"), fault);
        Assert.True(killed.ExitCode == KilledExitCode, $"the fault {fault} did not kill the run: {killed}");

        var plot = CliProcess.Run(["plot", run]);
        if (File.Exists(Path.Combine(run, RunManifest.FileName)))
        {
            Assert.True(plot.ExitCode == 0, plot.ToString());
            bool isEarlier = RunManifest.Read(Path.Combine(run, RunManifest.FileName)).Seed == 1;
            RunDirectory.AssertSameTables(isEarlier ? earlier : expected, run);
        }
        else
        {
            Assert.True(plot.ExitCode == 2, plot.ToString());
            Assert.Contains($"has no {RunManifest.FileName}", plot.Error, StringComparison.Ordinal);
        }

        var resumed = CliProcess.Run(FaultScenario.RunArgs(root, "--seed", "2", "--resume"));
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        RunDirectory.AssertSameTables(expected, run);
        Assert.Empty(RunDirectory.Leftovers(run));
    }
}
