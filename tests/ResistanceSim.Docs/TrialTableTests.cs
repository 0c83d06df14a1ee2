using System.Text.RegularExpressions;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Docs;

/// <summary>
/// The trial tables of docs/trials.md are the runs' readouts: for each arm shown, every number in each column (events,
/// median PFS with its CI, ORR, HR with its CI, log-rank p) is the number the run prints under that column, arm
/// by arm in the run's ranking. The scenarios are being recalibrated: the test compares with whatever the code
/// gives now, so a recalibration fails here until the tables are updated from its output.
/// </summary>
public partial class TrialTableTests
{
    [Theory]
    [InlineData("run scenarios/profile-1014-virtual-trial.yaml")]
    [InlineData("run scenarios/profile-1007-second-line.yaml")]
    [InlineData("run scenarios/bozic-combination.yaml")]
    [InlineData("run scenarios/combination-schedules.yaml")]
    [InlineData("run scenarios/alex-first-line.yaml")]
    [InlineData("run scenarios/alta-1l-first-line.yaml")]
    public void TheTrialTableIsTheRunsReadout(string command)
    {
        var block = MarkedBlock.Find(Repository.Root, "docs/trials.md", command);
        using var run = new DocRun(command);
        var printed = PrintedTable(run.Output);
        string[] docHeader = Cells(block.Lines[0]);
        int[] column = [.. docHeader.Select(h => Array.FindIndex(printed.Header, p => FirstWord(p) == FirstWord(h)))];
        Assert.True(column.All(c => c >= 0), $"{block}: a column has no counterpart in the printed readout ({string.Join(" | ", printed.Header)})");

        // Rows are matched by rank (both are ranked by median PFS): the doc labels arms for readers, the run by their names.
        string[] shownRows = [.. block.Lines.Skip(2)];
        Assert.True(shownRows.Length == printed.Rows.Length, $"{block}: shows {shownRows.Length} arms; the run has {printed.Rows.Length}");
        for (int row = 0; row < shownRows.Length; row++)
        {
            string[] cells = Cells(shownRows[row]);
            for (int c = 1; c < cells.Length; c++)
            {
                var shown = Numbers.In(cells[c]);
                var actual = Numbers.In(printed.Rows[row][column[c]]);
                Assert.True(shown.SequenceEqual(actual.Take(shown.Count)) && shown.Count > 0 == actual.Count > 0,
                    $"{block}: arm {row + 1} ('{cells[0]}' = '{printed.Rows[row][0]}'), column '{docHeader[c]}' shows {cells[c]}; the run prints {printed.Rows[row][column[c]]}");
            }
        }
        TheQuotedLinesAreTheRunsOwn(command, run.Output);
    }

    /// <summary>
    /// The lines of the readout a section quotes after its table (mechanisms at progression, courses, sanctuary sites;
    /// a block marked "<c>run …, printed</c>") are lines the run prints, in its order; a section may quote a selection.
    /// </summary>
    private static void TheQuotedLinesAreTheRunsOwn(string command, IReadOnlyList<string> output)
    {
        var quoted = MarkedBlock.All(Repository.Root).Where(b => b.File == "docs/trials.md" && b.Command == command + ", printed").ToList();
        Assert.True(quoted.Count <= 1, $"docs/trials.md quotes `{command}` in {quoted.Count} printed blocks; one at most");
        if (quoted.Count == 0) return;
        PrintedLines.AssertQuotedInOrder(quoted[0], quoted[0].Lines, output, line => line);
    }

    private static string[] Cells(string markdownRow) => [.. markdownRow.Trim().Trim('|').Split('|').Select(c => c.Trim())];

    private static string FirstWord(string header) => header.Split(' ', ',')[0];

    /// <summary>The readout <c>resistancesim run</c> prints for a cohort: header and one row per arm, columns two spaces apart.</summary>
    private static (string[] Header, string[][] Rows) PrintedTable(IReadOnlyList<string> output)
    {
        int title = output.ToList().FindIndex(l => l.StartsWith("Arms ranked by median", StringComparison.Ordinal));
        Assert.True(title >= 0, "the run printed no trial readout:\n" + string.Join('\n', output));
        string[] header = Columns().Split(output[title + 1].Trim());
        var rows = output.Skip(title + 2).TakeWhile(l => l.Length > 0 && !l.StartsWith("Mechanisms", StringComparison.Ordinal))
            .Select(l => Columns().Split(l.Trim())).ToArray();
        return (header, rows);
    }

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Columns();
}
