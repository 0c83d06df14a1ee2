using System.Text;
using ResistanceSim.Parquet;

namespace ResistanceSim.Output.Reading;

/// <summary>
/// Reads a table of a run directory — the part files of <c>&lt;run&gt;/&lt;table&gt;/</c> that its manifest lists
/// (<see cref="RunFiles"/>), Parquet (with our reader) or CSV — so plots and reports can be redrawn without rerunning.
/// </summary>
public static class RunTableReader
{
    public static bool Exists(string runDirectory, string table) => Exists(RunFiles.Published(runDirectory), table);

    public static bool Exists(RunFiles files, string table) => files.PartsOf(table).Count > 0;

    public static TableData Read(string runDirectory, string table) => Read(RunFiles.Published(runDirectory), table);

    public static TableData Read(RunFiles files, string table)
    {
        var parts = files.PartsOf(table);
        if (parts.Count == 0) throw new RunIncompleteException($"{Path.Combine(files.RunDirectory, table)}: the run's manifest lists no part files of this table.");
        TableData? data = null;
        foreach (var part in parts)
        {
            if (part.EndsWith(".parquet", StringComparison.Ordinal)) data = ReadParquet(part, data);
            else data = ReadCsv(part, data);
        }
        return data!;
    }

    private static TableData ReadParquet(string path, TableData? into)
    {
        using var reader = ParquetFileReader.Open(path);
        var names = reader.Schema.Columns.Select(c => c.Name).ToArray();
        into ??= new TableData(names);
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            foreach (var name in names)
            {
                var column = reader.ReadColumn(g, name);
                for (int row = 0; row < column.RowCount; row++) into.Add(name, column.GetValue(row));
            }
        }
        return into;
    }

    private static TableData ReadCsv(string path, TableData? into)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        var header = CsvLine.Split(reader.ReadLine() ?? throw new InvalidDataException($"{path} is empty."));
        into ??= new TableData(header);
        while (reader.ReadLine() is { } line)
        {
            var cells = CsvLine.Split(line);
            for (int c = 0; c < header.Count; c++) into.Add(header[c], c < cells.Count && cells[c].Length > 0 ? cells[c] : null);
        }
        return into;
    }
}

/// <summary>Splits one RFC 4180 CSV line (our writer never puts line breaks inside cells).</summary>
internal static class CsvLine
{
    public static IReadOnlyList<string> Split(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else cell.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(ch);
        }
        cells.Add(cell.ToString());
        return cells;
    }
}
