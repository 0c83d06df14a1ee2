namespace ResistanceSim.Parquet.Tests;

public class RoundTripTests
{
    public static TheoryData<ParquetCompression, bool, bool> Combinations()
    {
        var data = new TheoryData<ParquetCompression, bool, bool>();
        foreach (ParquetCompression codec in new[] { ParquetCompression.Uncompressed, ParquetCompression.Snappy, ParquetCompression.Gzip })
        {
            foreach (bool dictionary in new[] { true, false })
            {
                foreach (bool nullable in new[] { true, false })
                {
                    data.Add(codec, dictionary, nullable);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public void EveryTypeRoundTrips(ParquetCompression codec, bool dictionary, bool nullable)
    {
        // 3,000 rows in 777-row batches with 4 KiB pages: many pages and partial batches per row group.
        TableData table = RandomTables.Create(3000, nullable, seed: 7);
        var options = new ParquetWriterOptions { Compression = codec, EnableDictionary = dictionary, PageSizeBytes = 4096, RowGroupRows = 2000 };
        byte[] file = table.Write(options, batchSize: 777);

        object?[][] back = TableData.ReadAll(file, out ParquetFileReader reader);
        using (reader)
        {
            Assert.Equal(3000, reader.RowCount);
            Assert.Equal(2, reader.RowGroupCount); // 777-row batches: the group closes after 2,331 rows
            for (int c = 0; c < table.Columns.Length; c++)
            {
                RandomTables.AssertSameValues(table.Columns[c], back[c], table.Schema[c].Name);
                Assert.Equal(codec, reader.RowGroups[0].Columns[c].Compression);
            }

            // Low-cardinality columns use the dictionary exactly when it is enabled; unique values never do.
            int lowCardinality = reader.Schema.IndexOf("i64_low");
            Assert.Equal(dictionary, reader.RowGroups[0].Columns[lowCardinality].Encodings.Contains(ParquetEncoding.RleDictionary));
            Assert.Equal(dictionary, reader.RowGroups[0].Columns[reader.Schema.IndexOf("word")].HasDictionaryPage);
            Assert.False(reader.RowGroups[0].Columns[reader.Schema.IndexOf("i64")].HasDictionaryPage);
        }
    }

    [Fact]
    public void EmptyTableRoundTrips()
    {
        byte[] file = new TableData(RandomTables.AllTypes(nullable: true), [.. Enumerable.Range(0, 12).Select(_ => Array.Empty<object?>())])
            .Write(new ParquetWriterOptions());
        using var reader = new ParquetFileReader(new MemoryStream(file));
        Assert.Equal(0, reader.RowCount);
        Assert.Equal(0, reader.RowGroupCount);
        Assert.Equal(12, reader.Schema.Columns.Count);
        Assert.Equal("tags: list<ByteArray/String>?", reader.Schema[11].ToString());
    }

    [Fact]
    public void SingleRowRoundTrips()
    {
        foreach (bool nullable in new[] { false, true })
        {
            TableData table = RandomTables.Create(1, nullable, seed: 3);
            object?[][] back = TableData.ReadAll(table.Write(new ParquetWriterOptions()), out ParquetFileReader reader);
            using (reader)
            {
                for (int c = 0; c < table.Columns.Length; c++)
                {
                    RandomTables.AssertSameValues(table.Columns[c], back[c], table.Schema[c].Name);
                }
            }
        }
    }

    [Fact]
    public void LongAndNonAsciiStringsRoundTrip()
    {
        var random = new Random(11);
        string[] values =
        [
            new string('x', 100_000),
            RandomTables.RandomText(random, 20_000),
            "日本語テキスト", "🙂🙃🧬", "\0nul inside", "", "Ωmega", "e\u0301 (combining)",
        ];
        var table = new TableData(new ParquetSchema(ParquetColumn.String("s"), ParquetColumn.StringList("l")),
            [[.. values], [.. values.Select(v => (object?)new[] { v, v + "!" })]]);
        foreach (bool dictionary in new[] { true, false })
        {
            object?[][] back = TableData.ReadAll(table.Write(new ParquetWriterOptions { EnableDictionary = dictionary }), out ParquetFileReader reader);
            reader.Dispose();
            RandomTables.AssertSameValues(table.Columns[0], back[0], "s");
            RandomTables.AssertSameValues(table.Columns[1], back[1], "l");
        }
    }

    [Fact]
    public void SpecialFloatingPointValuesAndIntegerExtremesRoundTripBitForBit()
    {
        double[] doubles = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, 0.0, double.Epsilon, double.MaxValue, double.MinValue, BitConverter.Int64BitsToDouble(0x7FF8_0000_0000_1234)];
        float[] floats = [float.NaN, float.PositiveInfinity, float.NegativeInfinity, -0.0f, 0.0f, float.Epsilon, float.MaxValue, float.MinValue, 1.5f];
        long[] longs = [long.MinValue, long.MaxValue, 0, -1, 1, long.MinValue + 1, long.MaxValue - 1, 42, -42];
        int[] ints = [int.MinValue, int.MaxValue, 0, -1, 1, int.MinValue + 1, int.MaxValue - 1, 42, -42];
        var table = new TableData(
            new ParquetSchema(ParquetColumn.Double("d"), ParquetColumn.Float("f"), ParquetColumn.Int64("l"), ParquetColumn.Int32("i")),
            [[.. doubles.Cast<object?>()], [.. floats.Cast<object?>()], [.. longs.Cast<object?>()], [.. ints.Cast<object?>()]]);
        foreach (bool dictionary in new[] { true, false })
        {
            object?[][] back = TableData.ReadAll(table.Write(new ParquetWriterOptions { EnableDictionary = dictionary }), out ParquetFileReader reader);
            reader.Dispose();
            for (int c = 0; c < 4; c++)
            {
                RandomTables.AssertSameValues(table.Columns[c], back[c], table.Schema[c].Name);
            }
        }
    }

    [Fact]
    public void MillionsOfRowsSpanSeveralRowGroups()
    {
        const int rows = 1_200_000;
        const int batch = 10_000;
        var schema = new ParquetSchema(ParquetColumn.Int64("id"), ParquetColumn.Double("x", nullable: true), ParquetColumn.Int32("arm", logical: IntWidth.Int16));
        using var stream = new MemoryStream();
        using (var writer = new ParquetFileWriter(stream, schema, new ParquetWriterOptions { RowGroupRows = 250_000 }))
        {
            long[] ids = new long[batch];
            double[] xs = new double[batch];
            bool[] valid = new bool[batch];
            int[] arms = new int[batch];
            for (int start = 0; start < rows; start += batch)
            {
                for (int i = 0; i < batch; i++)
                {
                    long id = start + i;
                    ids[i] = id;
                    xs[i] = id * 0.5;
                    valid[i] = id % 11 != 0;
                    arms[i] = (int)(id % 3);
                }

                using ParquetRowBatch rowBatch = writer.BeginRowBatch();
                rowBatch.AppendInt64(0, ids);
                rowBatch.AppendDouble(1, xs, valid);
                rowBatch.AppendInt32(2, arms);
            }
        }

        using var reader = new ParquetFileReader(new MemoryStream(stream.ToArray()));
        Assert.Equal(rows, reader.RowCount);
        Assert.Equal(5, reader.RowGroupCount); // 250,000 rows each (a multiple of the batch size), the last 200,000
        long next = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            ParquetValues<long> ids = reader.ReadValues<long>(g, 0);
            ParquetValues<double> xs = reader.ReadValues<double>(g, 1);
            ParquetValues<int> arms = reader.ReadValues<int>(g, 2);
            for (int r = 0; r < ids.RowCount; r++, next++)
            {
                Assert.Equal(next, ids.Values[r]);
                Assert.Equal(next % 11 != 0, xs.Validity![r]);
                if (next % 11 != 0)
                {
                    Assert.Equal(next * 0.5, xs.Values[r]);
                }

                Assert.Equal((int)(next % 3), arms.Values[r]);
            }
        }

        Assert.Equal(rows, next);
    }
}
