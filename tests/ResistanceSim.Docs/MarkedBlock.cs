using System.Text.RegularExpressions;

namespace ResistanceSim.Docs;

/// <summary>
/// A block of a Markdown file marked for checking: the line <c>&lt;!-- docs-test: COMMAND --&gt;</c>, then (after at
/// most a blank line or a sentence) a fenced code block or a table. <see cref="Lines"/> are its lines (without fences).
/// </summary>
public sealed partial record MarkedBlock(string File, int Line, string Command, IReadOnlyList<string> Lines)
{
    /// <summary>Every marked block of README.md and docs/*.md.</summary>
    public static IReadOnlyList<MarkedBlock> All(string repositoryRoot) =>
        [.. new[] { Path.Combine(repositoryRoot, "README.md") }
            .Concat(Directory.GetFiles(Path.Combine(repositoryRoot, "docs"), "*.md").Order(StringComparer.Ordinal))
            .SelectMany(file => In(file, Path.GetRelativePath(repositoryRoot, file)))];

    /// <summary>The block marked with <paramref name="command"/> in <paramref name="relativePath"/>; exactly one must exist.</summary>
    public static MarkedBlock Find(string repositoryRoot, string relativePath, string command) =>
        Assert.Single(All(repositoryRoot), b => b.File == relativePath && b.Command == command);

    private static IEnumerable<MarkedBlock> In(string path, string shown)
    {
        string[] lines = System.IO.File.ReadAllLines(path);
        for (int i = 0; i < lines.Length; i++)
        {
            var marker = Marker().Match(lines[i]);
            if (!marker.Success) continue;
            int start = i + 1;
            while (start < lines.Length && !lines[start].StartsWith("```", StringComparison.Ordinal) && !lines[start].StartsWith('|')) start++;
            if (start == lines.Length) throw new InvalidDataException($"{shown}:{i + 1}: a docs-test marker with no code block or table after it");
            var block = new List<string>();
            if (lines[start].StartsWith("```", StringComparison.Ordinal))
                for (int j = start + 1; j < lines.Length && !lines[j].StartsWith("```", StringComparison.Ordinal); j++) block.Add(lines[j]);
            else
                for (int j = start; j < lines.Length && lines[j].StartsWith('|'); j++) block.Add(lines[j]);
            yield return new MarkedBlock(shown, start + 1, marker.Groups[1].Value.Trim(), block);
        }
    }

    public override string ToString() => $"{File}:{Line} ({Command})";

    [GeneratedRegex(@"^<!-- docs-test: (.+?) -->$")]
    private static partial Regex Marker();
}
