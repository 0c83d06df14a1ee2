using System.Globalization;
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

    /// <summary>All rows of <paramref name="table"/>.</summary>
    public static TableData Read(RunFiles files, string table) => Read(files, table, []);

    /// <summary>
    /// The rows of <paramref name="table"/> whose integer columns hold the given values (e.g. arm 0, point 0, replicate 0):
    /// rows that fail are dropped as they are read, so a report that needs one replicate of a large table does not hold
    /// every replicate's rows in memory.
    /// </summary>
    public static TableData Read(RunFiles files, string table, IReadOnlyList<(string Column, long Value)> where)
    {
        ArgumentNullException.ThrowIfNull(where);
        var parts = files.PartsOf(table);
        if (parts.Count == 0) throw new RunIncompleteException($"{Path.Combine(files.RunDirectory, table)}: the run's manifest lists no part files of this table.");
        TableData? data = null;
        foreach (var part in parts)
        {
            if (part.EndsWith(".parquet", StringComparison.Ordinal)) data = ReadParquet(part, where, data);
            else data = ReadCsv(part, where, data);
        }
        return data!;
    }

    private static TableData ReadParquet(string path, IReadOnlyList<(string Column, long Value)> where, TableData? into)
    {
        using var reader = ParquetFileReader.Open(path);
        var names = reader.Schema.Columns.Select(c => c.Name).ToArray();
        int[] filterColumns = [.. where.Select(w => ColumnIndex(names, w.Column, path))];
        into ??= new TableData(names);
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            // A row group whose statistics rule a selected value out is not decoded at all (a report's replicate 0 is in the first).
            if (Enumerable.Range(0, where.Count).Any(f => Excludes(reader.RowGroups[g].Columns[filterColumns[f]].Statistics, where[f].Value))) continue;
            bool[]? keep = null;
            for (int f = 0; f < where.Count; f++)
            {
                var values = reader.ReadColumn(g, filterColumns[f]);
                keep ??= Enumerable.Repeat(true, values.RowCount).ToArray();
                for (int row = 0; row < values.RowCount; row++) keep[row] &= IntegerAt(values, row) == where[f].Value;
            }
            if (keep is not null && !keep.Contains(true)) continue;
            for (int c = 0; c < names.Length; c++)
            {
                var column = reader.ReadColumn(g, c);
                for (int row = 0; row < column.RowCount; row++)
                    if (keep is null || keep[row]) into.Add(names[c], column.GetValue(row));
            }
        }
        return into;
    }

    /// <summary>True when a column chunk's exact integer bounds leave <paramref name="value"/> out; unknown bounds exclude nothing.</summary>
    private static bool Excludes(ParquetStatistics? statistics, long value) =>
        statistics is { IsMinExact: true, IsMaxExact: true, Min: { } min, Max: { } max }
        && IntegerBound(min) is { } low && IntegerBound(max) is { } high
        && (value < low || value > high);

    private static long? IntegerBound(object bound) => bound switch
    {
        int i => i,
        long l => l,
        _ => null,
    };

    /// <summary>An integer cell without boxing for the column types our writer uses; null is never equal.</summary>
    private static long? IntegerAt(ParquetColumnData values, int row) => values.IsNull(row) ? null : values switch
    {
        ParquetValues<int> ints => ints.Values[row],
        ParquetValues<long> longs => longs.Values[row],
        _ => Convert.ToInt64(values.GetValue(row), CultureInfo.InvariantCulture),
    };

    private static TableData ReadCsv(string path, IReadOnlyList<(string Column, long Value)> where, TableData? into)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        var header = CsvLine.Split(reader.ReadLine() ?? throw new InvalidDataException($"{path} is empty."));
        into ??= new TableData(header);
        var filter = where.Select(w => (Index: ColumnIndex(header, w.Column, path), Text: w.Value.ToString(CultureInfo.InvariantCulture))).ToArray();
        while (reader.ReadLine() is { } line)
        {
            var cells = CsvLine.Split(line);
            if (!filter.All(f => f.Index < cells.Count && cells[f.Index] == f.Text)) continue;
            for (int c = 0; c < header.Count; c++) into.Add(header[c], c < cells.Count && cells[c].Length > 0 ? cells[c] : null);
        }
        return into;
    }

    /// <summary>Where <paramref name="column"/> stands among a file's columns; a located error when it has none to select rows by.</summary>
    private static int ColumnIndex(IReadOnlyList<string> names, string column, string path) =>
        Enumerable.Range(0, names.Count).FirstOrDefault(i => names[i] == column, -1) is int index and >= 0
            ? index
            : throw new InvalidDataException($"{path} has no column '{column}' to select rows by.");
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
