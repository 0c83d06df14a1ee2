namespace ResistanceSim.Tests.Sweeps;

/// <summary>Reads a CSV table of a run directory as text rows: the header once, then every part file's data rows in part order.</summary>
internal static class RunTablesText
{
    public static IReadOnlyList<string> Rows(string runDirectory, string table)
    {
        var parts = Directory.GetFiles(Path.Combine(runDirectory, table), "part-*.csv").Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(parts);
        var rows = new List<string>();
        foreach (string part in parts)
        {
            var lines = File.ReadAllLines(part);
            if (rows.Count == 0) rows.Add(lines[0]);
            else Assert.Equal(rows[0], lines[0]);
            rows.AddRange(lines[1..]);
        }
        return rows;
    }
}
