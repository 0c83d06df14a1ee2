using System.Globalization;
using System.Text.RegularExpressions;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Docs;

/// <summary>
/// docs/trials.md's table of the fitted point is the shipped preset: one row per fitted value of
/// <c>scenarios/presets/alk-trials-calibrated.yaml</c>, its path as the calibration file writes it, the value and the
/// posterior median, 90% interval and prior that the calibration wrote beside it — so the numbers the docs quote of
/// the fit cannot outlive a refit.
/// </summary>
public partial class FittedValuesTableTests
{
    private const string Preset = "scenarios/presets/alk-trials-calibrated.yaml";
    private const string Command = "fitted values of " + Preset;

    [Fact]
    public void TheFittedPointTableIsThePreset()
    {
        var block = MarkedBlock.Find(Repository.Root, "docs/trials.md", Command);
        string[] expected = [.. Table(File.ReadAllLines(Path.Combine(Repository.Root, Preset)))];
        Assert.True(expected.Length > 2, $"{Preset} has no fitted values with posterior comments");
        Assert.True(block.Lines.SequenceEqual(expected), $"{block} differs from {Preset}; it should read:\n{string.Join('\n', expected)}");
    }

    /// <summary>The table's lines: a header, then a row for each value that carries a posterior comment, in file order.</summary>
    private static IEnumerable<string> Table(IEnumerable<string> preset)
    {
        yield return "| parameter | shipped | posterior median | 90% interval | prior | set in |";
        yield return "|---|---|---|---|---|---|";
        var path = new List<(int Indent, string Key)>();
        foreach (string line in preset)
        {
            var entry = Entry().Match(line);
            if (!entry.Success) continue;
            int indent = entry.Groups["indent"].Length;
            path.RemoveAll(p => p.Indent >= indent);
            path.Add((indent, PathSegment(entry.Groups["key"].Value)));
            var fitted = Fitted().Match(entry.Groups["rest"].Value);
            if (!fitted.Success) continue;
            string setIn = fitted.Groups["scenarios"].Success ? fitted.Groups["scenarios"].Value : "every scenario";
            yield return $"| `{string.Join('.', path.Select(p => p.Key))}` | {Significant(fitted.Groups["value"].Value)} | " +
                         $"{fitted.Groups["median"].Value} | [{fitted.Groups["lower"].Value}, {fitted.Groups["upper"].Value}] | " +
                         $"{fitted.Groups["prior"].Value} | {setIn} |";
        }
    }

    /// <summary>A key as a path segment: quotes dropped, and a key that holds dots quoted as the calibration file does.</summary>
    private static string PathSegment(string key)
    {
        string bare = key.Trim('\'', '"');
        return bare.Contains('.', StringComparison.Ordinal) ? $"\"{bare}\"" : bare;
    }

    /// <summary>Four significant figures, as the posterior comments are written.</summary>
    private static string Significant(string value) =>
        double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture).ToString("G4", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<indent> *)(?<key>'[^']*'|""[^""]*""|[A-Za-z0-9_]+):(?<rest>.*)$")]
    private static partial Regex Entry();

    [GeneratedRegex(@"^\s*(?<value>[-0-9.Ee+]+)\s+# posterior median (?<median>[^;]+); 90% interval \[(?<lower>[^,]+), (?<upper>[^\]]+)\]; prior (?<prior>[^;]+?)(?:; set in (?<scenarios>.+?) only)?\s*$")]
    private static partial Regex Fitted();
}
