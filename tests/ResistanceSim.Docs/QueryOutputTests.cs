using ResistanceSim.Tests.Support;

namespace ResistanceSim.Docs;

/// <summary>
/// docs/trials.md's exposure–response query: the SQL block marked "<c>run …, query</c>" is run by
/// <c>resistancesim query</c> over a fresh run of that command, and what it prints is the block marked
/// "<c>run …, query output</c>", line for line (runs of spaces aside).
/// </summary>
public class QueryOutputTests
{
    private const string Command = "run scenarios/profile-1014-virtual-trial.yaml --patients 100";

    [Fact]
    public void TheQueryShownPrintsTheOutputShown()
    {
        var query = MarkedBlock.Find(Repository.Root, "docs/trials.md", Command + ", query");
        var shown = MarkedBlock.Find(Repository.Root, "docs/trials.md", Command + ", query output");
        using var run = new DocRun(Command);
        var result = ResistanceSim.Tests.Support.Cli.Run("query", run.RunDirectory, string.Join('\n', query.Lines));
        Assert.True(result.ExitCode == 0, $"{query}: `resistancesim query` exited {result.ExitCode}: {result.Error}");
        string[] printed = [.. result.Output.Split('\n').Select(Numbers.Words).Where(l => l.Length > 0)];
        string[] expected = [.. shown.Lines.Select(Numbers.Words).Where(l => l.Length > 0)];
        Assert.True(expected.SequenceEqual(printed), $"{shown} differs from what the query prints now:\n{result.Output}");
    }
}
