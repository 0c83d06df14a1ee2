namespace ResistanceSim.Parquet.Tests;

/// <summary>
/// Reads files that DuckDB (in-process, DuckDB.NET.Data.Full) writes here, in the test:
/// PLAIN_DICTIONARY/RLE_DICTIONARY, SNAPPY/GZIP/uncompressed, data page v2 with DELTA_BINARY_PACKED,
/// DELTA_LENGTH_BYTE_ARRAY and BYTE_STREAM_SPLIT, nulls and lists. Expected values are recomputed here
/// from the formulas of the generating query.
/// </summary>
public sealed class DuckDbFixtureTests : IDisposable
{
    private const int Rows = 1000;
    private static readonly string[] Categories = ["red", "green", "blue", "ünïcødé"];

    /// <summary>The table, i = 0..999, by formulas the assertions below recompute.</summary>
    private const string Table = """
        SELECT
          i::BIGINT AS id,
          (i % 200 - 100)::TINYINT AS small,
          ((i * 7) % 30000 - 15000)::SMALLINT AS medium,
          CASE WHEN i % 10 = 0 THEN NULL ELSE (i * 1000 - 400000)::INTEGER END AS int32,
          (i * 9007199254740)::BIGINT AS big,
          (i / 8.0)::DOUBLE AS dbl,
          ((i % 64) / 4.0)::FLOAT AS flt,
          (i % 3 = 0) AS flag,
          (['red', 'green', 'blue', 'ünïcødé'])[i % 4 + 1] AS category,
          CASE WHEN i % 7 = 0 THEN NULL ELSE 'name-' || i END AS name,
          CASE WHEN i % 5 = 0 THEN NULL WHEN i % 5 = 1 THEN []::VARCHAR[] ELSE ['t' || (i % 3), 'u' || (i % 2)] END AS tags,
          CASE WHEN i % 4 = 0 THEN [i::INTEGER, NULL, (i + 1)::INTEGER] ELSE [i::INTEGER] END AS nums
        FROM range(1000) t(i)
        ORDER BY i
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("duckdb-fixtures-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("COMPRESSION snappy", ParquetCompression.Snappy)]
    [InlineData("COMPRESSION gzip", ParquetCompression.Gzip)]
    [InlineData("COMPRESSION uncompressed, ROW_GROUP_SIZE 400", ParquetCompression.Uncompressed)]
    [InlineData("COMPRESSION snappy, PARQUET_VERSION V2", ParquetCompression.Snappy)]
    public void ReadsEveryColumnWrittenByDuckDb(string options, ParquetCompression codec)
    {
        using ParquetFileReader reader = ParquetFileReader.Open(WriteFixture(options));
        Assert.Equal(Rows, reader.RowCount);
        Assert.StartsWith("DuckDB", reader.CreatedBy, StringComparison.Ordinal);
        Assert.Equal(codec, reader.RowGroups[0].Columns[0].Compression);
        Assert.Equal(ParquetLogicalType.Integer(8), reader.Schema[reader.Schema.IndexOf("small")].LogicalType);
        Assert.True(reader.Schema[reader.Schema.IndexOf("tags")].IsList);

        object?[] ids = ColumnValues.Concat(reader, "id");
        object?[] small = ColumnValues.Concat(reader, "small");
        object?[] medium = ColumnValues.Concat(reader, "medium");
        object?[] int32 = ColumnValues.Concat(reader, "int32");
        object?[] big = ColumnValues.Concat(reader, "big");
        object?[] dbl = ColumnValues.Concat(reader, "dbl");
        object?[] flt = ColumnValues.Concat(reader, "flt");
        object?[] flag = ColumnValues.Concat(reader, "flag");
        object?[] category = ColumnValues.Concat(reader, "category");
        object?[] name = ColumnValues.Concat(reader, "name");
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
        using ParquetFileReader reader = ParquetFileReader.Open(WriteFixture("COMPRESSION snappy"));
        ParquetStatistics stats = reader.RowGroups[0].Columns[reader.Schema.IndexOf("int32")].Statistics!;
        Assert.Equal(100L, stats.NullCount); // i % 10 == 0 for 100 of 1000 rows
        Assert.Equal(1 * 1000 - 400000, stats.Min);
        Assert.Equal(999 * 1000 - 400000, stats.Max);
        ParquetStatistics categories = reader.RowGroups[0].Columns[reader.Schema.IndexOf("category")].Statistics!;
        Assert.Equal("blue", categories.Min);
        Assert.Equal("ünïcødé", categories.Max); // byte-wise UTF-8 order puts ü (C3 BC) last
    }

    private string WriteFixture(string options)
    {
        string path = Path.Combine(_directory, "fixture.parquet");
        DuckDb.Execute($"COPY ({Table}) TO {DuckDb.Literal(path)} (FORMAT parquet, {options})");
        return path;
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
