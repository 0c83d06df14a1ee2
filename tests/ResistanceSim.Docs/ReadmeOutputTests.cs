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
        PrintedLines.AssertQuotedInOrder(block, block.Lines.Where(l => l.Trim() is not ("…" or "")), run.Output, Comparable);
    }

    private static string Comparable(string line) => Rate().Replace(Numbers.Words(line), "N/s");

    [GeneratedRegex(@"[0-9.]+/s")]
    private static partial Regex Rate();
}
