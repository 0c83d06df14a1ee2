using System.Text;

namespace ResistanceSim.Parquet.Tests;

public class StatisticsTests
{
    private static ParquetFileReader WriteAndOpen(TableData table, ParquetWriterOptions options, int batchSize = 1000) =>
        new(new MemoryStream(table.Write(options, batchSize)));

    [Fact]
    public void MinMaxAndNullCountArePerRowGroupWithSignedIntegerOrder()
    {
        // Row group 0 holds -5..4 (one null), row group 1 holds 100..109 (two nulls): signed order, not unsigned.
        object?[] ints = [.. Enumerable.Range(-5, 10).Cast<object?>(), .. Enumerable.Range(100, 10).Cast<object?>()];
        ints[3] = null;
        ints[12] = null;
        ints[15] = null;
        object?[] longs = [.. ints.Select(v => v is int i ? (object)(i * -1_000_000_000_000L) : null)];
        var table = new TableData(new ParquetSchema(ParquetColumn.Int32("i", nullable: true), ParquetColumn.Int64("l", nullable: true)), [ints, longs]);
        using ParquetFileReader reader = WriteAndOpen(table, new ParquetWriterOptions { RowGroupRows = 10 }, batchSize: 10);

        Assert.Equal(2, reader.RowGroupCount);
        ParquetStatistics first = reader.RowGroups[0].Columns[0].Statistics!;
        Assert.Equal((-5, 4, 1L), ((int)first.Min!, (int)first.Max!, first.NullCount));
        ParquetStatistics second = reader.RowGroups[1].Columns[0].Statistics!;
        Assert.Equal((100, 109, 2L), ((int)second.Min!, (int)second.Max!, second.NullCount));
        ParquetStatistics firstLong = reader.RowGroups[0].Columns[1].Statistics!;
        Assert.Equal((-4_000_000_000_000L, 5_000_000_000_000L), ((long)firstLong.Min!, (long)firstLong.Max!));
        Assert.True(firstLong.IsMinExact && firstLong.IsMaxExact);
    }

    [Fact]
    public void FloatingPointStatisticsIgnoreNaNAndWriteSignedZeros()
    {
        object?[] values = [double.NaN, 0.0, 2.5, double.NaN, -0.0];
        object?[] infinities = [double.NegativeInfinity, 1.0, double.PositiveInfinity, double.NaN, 0.5];
        object?[] allNaN = [double.NaN, double.NaN, double.NaN, double.NaN, double.NaN];
        var table = new TableData(new ParquetSchema(ParquetColumn.Double("d"), ParquetColumn.Double("inf"), ParquetColumn.Double("nan")), [values, infinities, allNaN]);
        using ParquetFileReader reader = WriteAndOpen(table, new ParquetWriterOptions());

        ParquetStatistics stats = reader.RowGroups[0].Columns[0].Statistics!;
        // parquet.thrift: a zero min is written as -0.0 and a zero max as +0.0 (here the max is 2.5).
        Assert.Equal(BitConverter.DoubleToInt64Bits(-0.0), BitConverter.DoubleToInt64Bits((double)stats.Min!));
        Assert.Equal(2.5, (double)stats.Max!);
        ParquetStatistics inf = reader.RowGroups[0].Columns[1].Statistics!;
        Assert.Equal(double.NegativeInfinity, (double)inf.Min!);
        Assert.Equal(double.PositiveInfinity, (double)inf.Max!);
        ParquetStatistics nan = reader.RowGroups[0].Columns[2].Statistics!;
        Assert.Null(nan.Min);
        Assert.Null(nan.Max);
        Assert.Equal(0L, nan.NullCount);
    }

    [Fact]
    public void StringStatisticsUseByteWiseUtf8Order()
    {
        // UTF-16 ordinal order would put U+FF5E ('～') after the surrogate pair of U+1D11E ('𝄞'); UTF-8 bytes do not.
        object?[] values = ["b", "Z", "～", "𝄞", "a", "é"];
        var table = new TableData(new ParquetSchema(ParquetColumn.String("s")), [values]);
        foreach (bool dictionary in new[] { true, false })
        {
            using ParquetFileReader reader = WriteAndOpen(table, new ParquetWriterOptions { EnableDictionary = dictionary });
            ParquetStatistics stats = reader.RowGroups[0].Columns[0].Statistics!;
            Assert.Equal("Z", stats.Min);
            Assert.Equal("𝄞", stats.Max);
            Assert.True(string.CompareOrdinal("～", "𝄞") > 0); // the order a naive implementation would use
        }
    }

    [Fact]
    public void LongStringBoundsAreTruncatedButStillBound()
    {
        string low = "aaa" + new string('é', 100);
        string high = "zz" + new string('ÿ', 100);
        string highest = char.ConvertFromUtf32(0x10FFFF) + "x";
        var table = new TableData(new ParquetSchema(ParquetColumn.String("s"), ParquetColumn.String("edge")), [[low, high, "m"], ["a", highest, "b"]]);
        using ParquetFileReader reader = WriteAndOpen(table, new ParquetWriterOptions { StatisticsTruncateLength = 16 });

        ParquetStatistics stats = reader.RowGroups[0].Columns[0].Statistics!;
        Assert.False(stats.IsMinExact);
        Assert.False(stats.IsMaxExact);
        Assert.True(stats.MinBytes!.Length <= 16 && stats.MaxBytes!.Length <= 16);
        Assert.True(stats.MinBytes.AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(low)) <= 0);
        Assert.True(stats.MaxBytes.AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(high)) >= 0);
        Assert.Equal("zzÿÿÿÿÿÿĀ", stats.Max); // 16-byte prefix "zz"+7×ÿ, its last code point (ÿ) incremented to Ā
        Assert.Equal("aaa" + new string((char)0xE9, 6), stats.Min); // 15 bytes: a 7th é would need 17

        ParquetStatistics edge = reader.RowGroups[0].Columns[1].Statistics!;
        Assert.Equal("a", edge.Min);
        Assert.Equal(char.ConvertFromUtf32(0x10FFFF) + "x", edge.Max); // short: exact
    }

    [Fact]
    public void BooleanAndListStatistics()
    {
        var table = new TableData(
            new ParquetSchema(ParquetColumn.Boolean("b", nullable: true), ParquetColumn.StringList("l", nullable: true)),
            [[true, null, true], [new[] { "q", "b" }, null, Array.Empty<string>()]]);
        using ParquetFileReader reader = WriteAndOpen(table, new ParquetWriterOptions());
        ParquetStatistics booleans = reader.RowGroups[0].Columns[0].Statistics!;
        Assert.Equal((true, true, 1L), ((bool)booleans.Min!, (bool)booleans.Max!, booleans.NullCount));
        ParquetStatistics lists = reader.RowGroups[0].Columns[1].Statistics!;
        Assert.Equal(("b", "q"), ((string)lists.Min!, (string)lists.Max!));
        Assert.Equal(2L, lists.NullCount); // leaf slots without a value: the null list and the empty list
    }

    [Fact]
    public void AllNullColumnHasNullCountOnly()
    {
        var table = new TableData(new ParquetSchema(ParquetColumn.Int64("x", nullable: true), ParquetColumn.String("s", nullable: true)), [[null, null], [null, null]]);
        using ParquetFileReader reader = WriteAndOpen(table, new ParquetWriterOptions());
        foreach (ParquetColumnChunkMetadata column in reader.RowGroups[0].Columns)
        {
            Assert.Equal(2L, column.Statistics!.NullCount);
            Assert.Null(column.Statistics.Min);
            Assert.Null(column.Statistics.Max);
        }
    }

    [Fact]
    public void StatisticsMatchDataForRandomTables()
    {
        TableData table = RandomTables.Create(5000, nullable: true, seed: 99);
        using ParquetFileReader reader = WriteAndOpen(table, new ParquetWriterOptions { RowGroupRows = 2000 }, batchSize: 500);
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            foreach (string name in new[] { "i32", "i64", "f64" })
            {
                int c = reader.Schema.IndexOf(name);
                ParquetColumnData data = reader.ReadColumn(g, c);
                var present = Enumerable.Range(0, data.RowCount).Select(data.GetValue).Where(v => v is not null).Select(v => Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture)).ToList();
                ParquetStatistics stats = reader.RowGroups[g].Columns[c].Statistics!;
                Assert.Equal(data.RowCount - present.Count, stats.NullCount);
                Assert.Equal(present.Min(), Convert.ToDouble(stats.Min, System.Globalization.CultureInfo.InvariantCulture));
                Assert.Equal(present.Max(), Convert.ToDouble(stats.Max, System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }
}
