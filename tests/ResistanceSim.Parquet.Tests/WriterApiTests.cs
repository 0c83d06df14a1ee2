namespace ResistanceSim.Parquet.Tests;

public class WriterApiTests
{
    private static readonly ParquetSchema Schema = new(ParquetColumn.Int64("id"), ParquetColumn.String("name", nullable: true));

    [Fact]
    public void KeyValueMetadataAndCreatedByRoundTrip()
    {
        var options = new ParquetWriterOptions();
        options.KeyValueMetadata["resistancesim.version"] = "0.1.0";
        options.KeyValueMetadata["ünïcode"] = "✓";
        options.KeyValueMetadata["empty"] = null;
        using var stream = new MemoryStream();
        using (var writer = new ParquetFileWriter(stream, Schema, options))
        using (ParquetRowBatch batch = writer.BeginRowBatch())
        {
            batch.AppendInt64(0, [1L]);
            batch.AppendString(1, ["x"]);
        }

        using var reader = new ParquetFileReader(new MemoryStream(stream.ToArray()));
        Assert.Equal("0.1.0", reader.KeyValueMetadata["resistancesim.version"]);
        Assert.Equal("✓", reader.KeyValueMetadata["ünïcode"]);
        Assert.Null(reader.KeyValueMetadata["empty"]);
        Assert.StartsWith("ResistanceSim.Parquet version ", reader.CreatedBy, StringComparison.Ordinal);
    }

    [Fact]
    public void RaggedBatchIsRejectedAndTheFileCannotBeFinished()
    {
        using var writer = new ParquetFileWriter(new MemoryStream(), Schema);
        ParquetRowBatch batch = writer.BeginRowBatch();
        batch.AppendInt64(0, [1L, 2L]);
        batch.AppendString(1, ["only one"]);
        Assert.Throws<InvalidOperationException>(batch.Dispose);
        Assert.Throws<InvalidOperationException>(writer.Close);
    }

    [Fact]
    public void WrongTypesNullsAndValidityAreRejected()
    {
        using var writer = new ParquetFileWriter(new MemoryStream(), Schema);
        using ParquetRowBatch batch = writer.BeginRowBatch();
        Assert.Throws<ArgumentException>(() => batch.AppendDouble(0, [1.0]));
        Assert.Throws<ArgumentException>(() => batch.AppendInt64(0, [1L], [true])); // required column
        Assert.Throws<ArgumentOutOfRangeException>(() => batch.AppendInt64(5, [1L]));
        Assert.Throws<ArgumentException>(() => batch.AppendStringList(1, [null]));
        var nullable = new ParquetFileWriter(new MemoryStream(), new ParquetSchema(ParquetColumn.Int32("n", nullable: true)));
        using ParquetRowBatch other = nullable.BeginRowBatch();
        Assert.Throws<ArgumentException>(() => other.AppendInt32(0, [1, 2], [true]));
    }

    [Fact]
    public void NullInRequiredColumnFaultsTheWriter()
    {
        var writer = new ParquetFileWriter(new MemoryStream(), new ParquetSchema(ParquetColumn.String("s")));
        ParquetRowBatch batch = writer.BeginRowBatch();
        Assert.Throws<ArgumentException>(() => batch.AppendString(0, ["a", null]));
        batch.Dispose();
        Assert.Throws<InvalidOperationException>(writer.Close);
    }

    [Fact]
    public void WriteAtomicallyReplacesTheFileOnlyWhenComplete()
    {
        string directory = Directory.CreateTempSubdirectory("parquet-atomic-").FullName;
        try
        {
            string path = Path.Combine(directory, "part-00000.parquet");
            File.WriteAllText(path, "previous content");
            Assert.Throws<InvalidOperationException>(() => ParquetFile.WriteAtomically(path, Schema, null, writer =>
            {
                using (ParquetRowBatch batch = writer.BeginRowBatch())
                {
                    batch.AppendInt64(0, [1L]);
                    batch.AppendString(1, ["x"]);
                }

                throw new InvalidOperationException("simulated failure mid-write");
            }));
            Assert.Equal("previous content", File.ReadAllText(path)); // untouched
            Assert.Single(Directory.GetFiles(directory));             // no temporary file left behind

            ParquetFile.WriteAtomically(path, Schema, null, writer =>
            {
                using ParquetRowBatch batch = writer.BeginRowBatch();
                batch.AppendInt64(0, [7L, 8L]);
                batch.AppendString(1, [null, "y"]);
            });
            using ParquetFileReader reader = ParquetFileReader.Open(path);
            Assert.Equal(2, reader.RowCount);
            Assert.Equal(new long[] { 7, 8 }, reader.ReadValues<long>(0, 0).Values);
            Assert.Single(Directory.GetFiles(directory));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void RowGroupsCloseByByteBudget()
    {
        using var stream = new MemoryStream();
        using (var writer = new ParquetFileWriter(stream, new ParquetSchema(ParquetColumn.String("s")),
                   new ParquetWriterOptions { RowGroupBytes = 64 * 1024, PageSizeBytes = 8 * 1024, EnableDictionary = false, Compression = ParquetCompression.Uncompressed }))
        {
            for (int b = 0; b < 100; b++)
            {
                using ParquetRowBatch batch = writer.BeginRowBatch();
                batch.AppendString(0, [.. Enumerable.Range(0, 100).Select(i => $"value {b}-{i} padded to make rows wide")]);
            }
        }

        using var reader = new ParquetFileReader(new MemoryStream(stream.ToArray()));
        Assert.Equal(10_000, reader.RowCount);
        Assert.InRange(reader.RowGroupCount, 5, 12); // ~420 KB of strings in 64 KB groups
        Assert.All(reader.RowGroups.SkipLast(1), group => Assert.InRange(group.CompressedSize, 60_000, 80_000));
    }

    [Fact]
    public void DictionaryFallsBackToPlainWhenItOutgrowsItsLimit()
    {
        object?[] values = [.. Enumerable.Range(0, 20_000).Select(i => (object?)$"v{(i < 4000 ? i % 10 : i)}")];
        object?[] longs = [.. Enumerable.Range(0, 20_000).Select(i => (object?)(long)(i < 4000 ? i % 10 : i))];
        var table = new TableData(new ParquetSchema(ParquetColumn.String("s"), ParquetColumn.Int64("l")), [values, longs]);
        byte[] file = table.Write(new ParquetWriterOptions { DictionaryPageSizeLimit = 2048, PageSizeBytes = 4096 });
        object?[][] back = TableData.ReadAll(file, out ParquetFileReader reader);
        using (reader)
        {
            foreach (ParquetColumnChunkMetadata column in reader.RowGroups[0].Columns)
            {
                Assert.True(column.HasDictionaryPage);
                Assert.Contains(ParquetEncoding.RleDictionary, column.Encodings);
                Assert.Contains(ParquetEncoding.Plain, column.Encodings);
            }
        }

        RandomTables.AssertSameValues(values, back[0], "s");
        RandomTables.AssertSameValues(longs, back[1], "l");
    }

    [Fact]
    public void StringListsAcceptPlainArraysOfArrays()
    {
        string[][] bypass = [["EGFR", "MET"], [], ["KRAS"]];
        using var stream = new MemoryStream();
        using (var writer = new ParquetFileWriter(stream, new ParquetSchema(ParquetColumn.StringList("bypass"))))
        using (ParquetRowBatch batch = writer.BeginRowBatch())
        {
            batch.AppendStringList(0, bypass); // array covariance: string[] is an IReadOnlyList<string>
        }

        using var reader = new ParquetFileReader(new MemoryStream(stream.ToArray()));
        ParquetListValues<string> lists = reader.ReadList<string>(0, 0);
        Assert.Equal(new[] { 0, 2, 2, 3 }, lists.Offsets);
        Assert.Equal(new[] { "EGFR", "MET", "KRAS" }, lists.Elements);
        Assert.Null(lists.Validity);
        Assert.Equal(new[] { "EGFR", "MET" }, lists.ElementsOf(0).ToArray());
    }

    [Theory]
    [InlineData(ParquetCompression.Snappy, true)]
    [InlineData(ParquetCompression.Gzip, false)]
    [InlineData(ParquetCompression.Uncompressed, true)]
    public void BackgroundEncodingWritesTheSameBytes(ParquetCompression codec, bool nullable)
    {
        TableData table = RandomTables.Create(20_000, nullable, seed: 12);
        var options = new ParquetWriterOptions { Compression = codec, PageSizeBytes = 2048, RowGroupRows = 7000 };
        byte[] background = table.Write(options, batchSize: 333);
        options.ParallelEncoding = false;
        byte[] inline = table.Write(options, batchSize: 333);
        Assert.Equal(inline, background);
    }

    [Fact]
    public void SchemaRejectsDuplicateNames() =>
        Assert.Throws<ArgumentException>(() => new ParquetSchema(ParquetColumn.Int32("a"), ParquetColumn.Int64("a")));
}
