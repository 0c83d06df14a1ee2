using System.Text.RegularExpressions;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Docs;

/// <summary>README.md's "What a run prints" block is the quickstart's real output: each shown line (whitespace
/// aside) is printed, in that order; "…" elides lines; the progress line's rate is the only figure not compared
/// (it is wall time).</summary>
public partial class ReadmeOutputTests
{
    [Fact]
    public void TheQuickstartOutputShownIsWhatTheRunPrints()
    {
        var block = MarkedBlock.Find(Repository.Root, "README.md", "run scenarios/quickstart.yaml");
        using var run = new DocRun(block.Command);
        var printed = run.Output.Select(Comparable).ToList();
        int at = 0;
        foreach (string shown in block.Lines.Where(l => l.Trim() is not ("…" or "")))
        {
            int found = printed.FindIndex(at, p => p == Comparable(shown));
            Assert.True(found >= 0, $"{block}: the line '{shown}' is not printed (after line {at}); the run printed:\n{string.Join('\n', run.Output)}");
            at = found + 1;
        }
    }

    private static string Comparable(string line) => Rate().Replace(Numbers.Words(line), "N/s");

    [GeneratedRegex(@"[0-9.]+/s")]
    private static partial Regex Rate();
}
