using ResistanceSim.Tests.Support;

namespace ResistanceSim.Docs;

/// <summary>
/// docs/trials.md's calibration table — every target against the shipped scenarios at full size — and its table of
/// predictions (published values the fit did not use) are what <c>calibrate scenarios/calibration/alk-trials.yaml
/// --check</c> prints, row for row, so they cannot go stale; so is its table of the same targets on a draw of new
/// patients the fit and its choice never saw (<c>--check --new-patients 4</c>).
/// </summary>
public class CalibrationTableTests
{
    private const string Command = "calibrate scenarios/calibration/alk-trials.yaml --check";
    private const string PredictionsCommand = Command + ", predictions";
    private const string UnseenDraw = "4";
    private const string NewPatientsCommand = Command + " --new-patients " + UnseenDraw;

    [Fact]
    public void TheCalibrationTablesAreTheChecksOutput()
    {
        var targets = MarkedBlock.Find(Repository.Root, "docs/trials.md", Command);
        var predictions = MarkedBlock.Find(Repository.Root, "docs/trials.md", PredictionsCommand);
        using var output = new TempDirectory();
        var result = ResistanceSim.Tests.Support.Cli.Run("calibrate", Repository.Scenario("calibration/alk-trials.yaml"), "--check", "--out", output.Path);
        Assert.True(result.ExitCode == 0, $"`resistancesim {Command}` exited {result.ExitCode}: {result.Error}");
        var tables = Tables(result.Output);
        Assert.Equal(2, tables.Count);
        Assert.True(targets.Lines.SequenceEqual(tables[0]), $"{targets} differs from what the check prints now:\n{string.Join('\n', tables[0])}");
        Assert.True(predictions.Lines.SequenceEqual(tables[1]), $"{predictions} differs from what the check prints now:\n{string.Join('\n', tables[1])}");
    }

    [Fact]
    public void TheNewPatientsTableIsTheChecksOutputOnADrawNothingHasSeen()
    {
        var targets = MarkedBlock.Find(Repository.Root, "docs/trials.md", NewPatientsCommand);
        using var output = new TempDirectory();
        var result = ResistanceSim.Tests.Support.Cli.Run("calibrate", Repository.Scenario("calibration/alk-trials.yaml"), "--check",
            "--new-patients", UnseenDraw, "--out", output.Path);
        Assert.True(result.ExitCode == 0, $"`resistancesim {NewPatientsCommand}` exited {result.ExitCode}: {result.Error}");
        var table = Tables(result.Output)[0];
        Assert.True(targets.Lines.SequenceEqual(table), $"{targets} differs from what the check prints now:\n{string.Join('\n', table)}");
    }

    /// <summary>The Markdown tables of <paramref name="output"/>: runs of consecutive lines starting with '|'.</summary>
    private static List<List<string>> Tables(string output)
    {
        var tables = new List<List<string>>();
        bool inTable = false;
        foreach (string line in output.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            bool row = line.StartsWith('|');
            if (row && !inTable) tables.Add([]);
            if (row) tables[^1].Add(line);
            inTable = row;
        }
        return tables;
    }
}
