using System.Collections;
using System.Globalization;
using ResistanceSim.Output.Reading;
using ResistanceSim.Parquet;
using ResistanceSim.Parquet.Tests;
using ResistanceSim.Tests.Support;
using ParquetNet = Parquet.Serialization.ParquetSerializer;

namespace ResistanceSim.Tests.Output;

/// <summary>
/// The Parquet tables of a quickstart-like run, checked value by value and row by row (so rows out of
/// order or shifted show) against readers that share no code with our writer: Parquet.Net and DuckDB
/// in-process; and against the CSV tables the same run writes with the same seed through a separate
/// sink (doubles in shortest round-trip form), so a value the Parquet writer altered shows too.
/// </summary>
public sealed class IndependentReaderTests(QuickstartRunsInBothFormats runs) : IClassFixture<QuickstartRunsInBothFormats>
{
    private const char ListSeparator = '\u001f';

    [Theory]
    [InlineData("totals")]
    [InlineData("clones")]
    [InlineData("trajectories")]
    [InlineData("summary")]
    public async Task EveryValueReadsTheSameInEveryReaderAndMatchesTheCsv(string table)
    {
        string file = Path.Combine(runs.ParquetRun, table, "part-00000.parquet");
        (string[] columns, List<object?[]> ours) = ReadWithOurReader(file);
        List<object?[]> parquetNet = await ReadWithParquetNet(file, columns);
        List<object?[]> duckDb = ReadWithDuckDb(file, columns);
        TableData csv = RunTableReader.Read(runs.CsvRun, table);

        Assert.NotEmpty(ours);
        Assert.Equal(columns, csv.ColumnNames);
        Assert.Equal(ours.Count, parquetNet.Count);
        Assert.Equal(ours.Count, duckDb.Count);
        Assert.Equal(ours.Count, csv.RowCount);
        for (int row = 0; row < ours.Count; row++)
        {
            for (int c = 0; c < columns.Length; c++)
            {
                string where = $"{table} row {row} column {columns[c]}";
                object? expected = parquetNet[row][c];
                Assert.True(Equals(expected, duckDb[row][c]), $"{where}: Parquet.Net {expected}, DuckDB {duckDb[row][c]}");
                Assert.True(Equals(expected, ours[row][c]), $"{where}: Parquet.Net {expected}, our reader {ours[row][c]}");
                string csvCell = (string?)csv[columns[c], row] ?? "";
                Assert.True(CsvCell(expected) == csvCell, $"{where}: Parquet {CsvCell(expected)}, CSV {csvCell}");
            }
        }
    }

    private static (string[] Columns, List<object?[]> Rows) ReadWithOurReader(string file)
    {
        using ParquetFileReader reader = ParquetFileReader.Open(file);
        string[] columns = [.. reader.Schema.Columns.Select(c => c.Name)];
        var rows = new List<object?[]>();
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            ParquetColumnData[] data = [.. Enumerable.Range(0, columns.Length).Select(c => reader.ReadColumn(g, c))];
            for (int r = 0; r < data[0].RowCount; r++)
            {
                rows.Add([.. data.Select(column => Canonical(column.GetValue(r)))]);
            }
        }

        return (columns, rows);
    }

    private static async Task<List<object?[]>> ReadWithParquetNet(string file, string[] columns)
    {
        await using FileStream stream = File.OpenRead(file);
        var result = await ParquetNet.DeserializeUntypedAsync(stream);
        // Parquet.Net leaves a null value's key out of its row.
        return [.. result.Data.Select(row => columns.Select(c => Canonical(row.TryGetValue(c, out object? value) ? value : null)).ToArray())];
    }

    private static List<object?[]> ReadWithDuckDb(string file, string[] columns)
    {
        string selected = string.Join(", ", columns.Select(c => $"\"{c}\""));
        return [.. DuckDb.Query($"SELECT {selected} FROM read_parquet({DuckDb.Literal(file)}, file_row_number = true) ORDER BY file_row_number")
            .Select(row => row.Select(Canonical).ToArray())];
    }

    /// <summary>One representation per value whatever the reader's CLR types: integers as long, floats as double, lists as joined text.</summary>
    private static object? Canonical(object? value) => value switch
    {
        null => null,
        string text => text,
        ReadOnlyMemory<char> chars => chars.ToString(), // Parquet.Net's list elements
        bool flag => flag,
        float single => (double)single,
        double number => number,
        sbyte or byte or short or ushort or int or uint or long => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        IEnumerable list => new ListText(string.Join(ListSeparator, list.Cast<object?>().Select(item => (string)Canonical(item)!))),
        _ => throw new InvalidOperationException($"unexpected value type {value.GetType()}"),
    };

    /// <summary>The cell the CSV sink writes for a value (an empty cell for null, lists joined with '+').</summary>
    private static string CsvCell(object? value) => value switch
    {
        null => "",
        bool flag => flag ? "true" : "false",
        double.NaN => "NaN",
        double.PositiveInfinity => "Inf",
        double.NegativeInfinity => "-Inf",
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        long integer => integer.ToString(CultureInfo.InvariantCulture),
        ListText list => list.Joined.Replace(ListSeparator, '+'),
        _ => (string)value,
    };

    private sealed record ListText(string Joined);
}

/// <summary>The quickstart scenario, two replicates, run once as Parquet and once as CSV with the same seed.</summary>
public sealed class QuickstartRunsInBothFormats : IDisposable
{
    private readonly TempDirectory _temp = new();

    public QuickstartRunsInBothFormats()
    {
        ParquetRun = Run("parquet");
        CsvRun = Run("csv");
    }

    public string ParquetRun { get; }

    public string CsvRun { get; }

    public void Dispose() => _temp.Dispose();

    private string Run(string format)
    {
        string output = Path.Combine(_temp.Path, format);
        var result = Support.Cli.Run("run", Repository.Scenario("quickstart.yaml"), "--out", output, "--replicates", "2", "--format", format, "--no-plots");
        Assert.True(result.ExitCode == 0, result.Error);
        return Path.Combine(output, "quickstart");
    }
}
