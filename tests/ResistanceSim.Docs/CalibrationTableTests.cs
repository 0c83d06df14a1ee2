using ResistanceSim.Tests.Support;

namespace ResistanceSim.Docs;

/// <summary>
/// docs/trials.md's calibration table — every target against the shipped scenarios at full size — is what
/// <c>calibrate scenarios/calibration/alk-trials.yaml --check</c> prints, row for row, so it cannot go stale.
/// </summary>
public class CalibrationTableTests
{
    private const string Command = "calibrate scenarios/calibration/alk-trials.yaml --check";

    [Fact]
    public void TheCalibrationTableIsTheChecksOutput()
    {
        var block = MarkedBlock.Find(Repository.Root, "docs/trials.md", Command);
        using var output = new TempDirectory();
        var result = ResistanceSim.Tests.Support.Cli.Run("calibrate", Repository.Scenario("calibration/alk-trials.yaml"), "--check", "--out", output.Path);
        Assert.True(result.ExitCode == 0, $"`resistancesim {Command}` exited {result.ExitCode}: {result.Error}");
        string[] printed = [.. result.Output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith('|'))];
        Assert.True(block.Lines.SequenceEqual(printed), $"{block} differs from what the check prints now:\n{string.Join('\n', printed)}");
    }
}
