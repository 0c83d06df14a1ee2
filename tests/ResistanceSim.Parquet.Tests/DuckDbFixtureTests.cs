namespace ResistanceSim.Parquet.Tests;

/// <summary>
/// Reads files written by DuckDB (Fixtures/generate-fixtures.mjs): PLAIN_DICTIONARY/RLE_DICTIONARY,
/// SNAPPY/GZIP/uncompressed, data page v2 with DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY and
/// BYTE_STREAM_SPLIT, nulls and lists. Expected values are recomputed here from the generating formulas.
/// </summary>
public class DuckDbFixtureTests
{
    private const int Rows = 1000;
    private static readonly string[] Categories = ["red", "green", "blue", "ünïcødé"];

    [Theory]
    [InlineData("duckdb-snappy.parquet", ParquetCompression.Snappy)]
    [InlineData("duckdb-gzip.parquet", ParquetCompression.Gzip)]
    [InlineData("duckdb-uncompressed.parquet", ParquetCompression.Uncompressed)]
    [InlineData("duckdb-v2-snappy.parquet", ParquetCompression.Snappy)]
    public void ReadsEveryColumnWrittenByDuckDb(string file, ParquetCompression codec)
    {
        using ParquetFileReader reader = ParquetFileReader.Open(Path.Combine(AppContext.BaseDirectory, "Fixtures", file));
        Assert.Equal(Rows, reader.RowCount);
        Assert.StartsWith("DuckDB", reader.CreatedBy, StringComparison.Ordinal);
        Assert.Equal(codec, reader.RowGroups[0].Columns[0].Compression);
        Assert.Equal(ParquetLogicalType.Integer(8), reader.Schema[reader.Schema.IndexOf("small")].LogicalType);
        Assert.True(reader.Schema[reader.Schema.IndexOf("tags")].IsList);

        object?[] ids = Concat(reader, "id");
        object?[] small = Concat(reader, "small");
        object?[] medium = Concat(reader, "medium");
        object?[] int32 = Concat(reader, "int32");
        object?[] big = Concat(reader, "big");
        object?[] dbl = Concat(reader, "dbl");
        object?[] flt = Concat(reader, "flt");
        object?[] flag = Concat(reader, "flag");
        object?[] category = Concat(reader, "category");
        object?[] name = Concat(reader, "name");
        var tags = ConcatLists(reader, "tags");
        var nums = ConcatLists(reader, "nums");

        for (int i = 0; i < Rows; i++)
        {
            Assert.Equal((object)((long)i), ids[i]);
            Assert.Equal((object)((i % 200) - 100), small[i]);
            Assert.Equal((object)(((i * 7) % 30000) - 15000), medium[i]);
            Assert.Equal(i % 10 == 0 ? null : (int?)((i * 1000) - 400000), (int?)int32[i]);
            Assert.Equal((object)(i * 9007199254740L), big[i]);
            Assert.Equal((object)(i / 8.0), dbl[i]);
            Assert.Equal((object)((i % 64) / 4.0f), flt[i]);
            Assert.Equal((object)(i % 3 == 0), flag[i]);
            Assert.Equal((object)(Categories[i % 4]), category[i]);
            Assert.Equal(i % 7 == 0 ? null : $"name-{i}", name[i]);
            object?[]? expectedTags = (i % 5) switch
            {
                0 => null,
                1 => [],
                _ => [$"t{i % 3}", $"u{i % 2}"],
            };
            Assert.Equal(expectedTags, tags[i]);
            object?[] expectedNums = i % 4 == 0 ? [i, null, i + 1] : [i];
            Assert.Equal(expectedNums, nums[i]);
        }
    }

    [Fact]
    public void DuckDbStatisticsAreDecoded()
    {
        using ParquetFileReader reader = ParquetFileReader.Open(Path.Combine(AppContext.BaseDirectory, "Fixtures", "duckdb-snappy.parquet"));
        ParquetStatistics stats = reader.RowGroups[0].Columns[reader.Schema.IndexOf("int32")].Statistics!;
        Assert.Equal(100L, stats.NullCount); // i % 10 == 0 for 100 of 1000 rows
        Assert.Equal(1 * 1000 - 400000, stats.Min);
        Assert.Equal(999 * 1000 - 400000, stats.Max);
        ParquetStatistics categories = reader.RowGroups[0].Columns[reader.Schema.IndexOf("category")].Statistics!;
        Assert.Equal("blue", categories.Min);
        Assert.Equal("ünïcødé", categories.Max); // byte-wise UTF-8 order puts ü (C3 BC) last
    }

    private static object?[] Concat(ParquetFileReader reader, string column)
    {
        var result = new List<object?>();
        int index = reader.Schema.IndexOf(column);
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            ParquetColumnData data = reader.ReadColumn(g, index);
            for (int r = 0; r < data.RowCount; r++)
            {
                result.Add(data.GetValue(r));
            }
        }

        return [.. result];
    }

    private static object?[]?[] ConcatLists(ParquetFileReader reader, string column)
    {
        var result = new List<object?[]?>();
        int index = reader.Schema.IndexOf(column);
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            ParquetColumnData data = reader.ReadColumn(g, index);
            for (int r = 0; r < data.RowCount; r++)
            {
                result.Add(data.GetValue(r) is System.Collections.IEnumerable list ? [.. list.Cast<object?>()] : null);
            }
        }

        return [.. result];
    }
}
