namespace ResistanceSim.Docs;

/// <summary>Lines a doc quotes from a command's output: each must be printed, in the order shown (a doc may quote a
/// selection).</summary>
public static class PrintedLines
{
    /// <param name="comparable">What of a line is compared (for example whitespace collapsed, wall-time rates masked).</param>
    public static void AssertQuotedInOrder(MarkedBlock block, IEnumerable<string> quoted, IReadOnlyList<string> output, Func<string, string> comparable)
    {
        var printed = output.Select(comparable).ToList();
        int from = 0;
        foreach (string line in quoted)
        {
            int at = printed.FindIndex(from, p => p == comparable(line));
            Assert.True(at >= 0, $"{block}: the line '{line}' is not printed (after line {from}); the run printed:\n{string.Join('\n', output)}");
            from = at + 1;
        }
    }
}
