using System.Buffers.Binary;

namespace ResistanceSim.Parquet.Tests;

/// <summary>
/// Malformed input must end in <see cref="ParquetFormatException"/> (never an index, cast or memory
/// error, never a hang) whose one-line message names the file, the column (or the footer) and a byte
/// offset inside the file.
/// </summary>
public class CorruptInputTests
{
    private const string FileName = "damaged.parquet";

    private static readonly byte[] ValidFile = RandomTables.Create(300, nullable: true, seed: 5)
        .Write(new ParquetWriterOptions { PageSizeBytes = 512, RowGroupRows = 100 }, batchSize: 100);

    private static readonly byte[] ValidGzipFile = RandomTables.Create(120, nullable: false, seed: 6)
        .Write(new ParquetWriterOptions { Compression = ParquetCompression.Gzip, EnableDictionary = false }, batchSize: 60);

    private static readonly string[] ColumnNames = [.. RandomTables.AllTypes(nullable: true).Columns.Select(c => c.Name), SingleColumn];

    private const string SingleColumn = "only";

    /// <summary>Opens and reads every column; returns normally or throws only ParquetFormatException.</summary>
    private static void ReadEverything(byte[] file)
    {
        using var reader = new ParquetFileReader(new MemoryStream(file), sourceName: FileName);
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            for (int c = 0; c < reader.Schema.Columns.Count; c++)
            {
                reader.ReadColumn(g, c);
            }
        }
    }

    /// <summary>Reads the file; returns the format error it raised (null if it read), failing on any other exception.</summary>
    private static ParquetFormatException? ReadOrFormatError(byte[] file, string what)
    {
        try
        {
            ReadEverything(file);
            return null;
        }
        catch (ParquetFormatException e)
        {
            AssertLocated(e, file, what);
            return e;
        }
        catch (Exception e)
        {
            Assert.Fail($"{what}: {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
            throw;
        }
    }

    /// <summary>Asserts the read fails with a located format error and returns it.</summary>
    private static ParquetFormatException RefusedWithLocation(byte[] file, string what) =>
        ReadOrFormatError(file, what) ?? throw new Xunit.Sdk.XunitException($"{what}: the damaged file was read without error.");

    /// <summary>The error names the file, the footer or a column of the schema, and an offset inside the file, on one line.</summary>
    private static void AssertLocated(ParquetFormatException e, byte[] file, string what)
    {
        Assert.True(e.FilePath == FileName, $"{what}: file {e.FilePath}");
        Assert.True(e.Offset is { } offset && offset >= 0 && offset <= Math.Max(0, file.Length - 1), $"{what}: offset {e.Offset} outside the {file.Length}-byte file");
        string where = e.Column is null ? ParquetFormatException.FooterLocation : $"column '{e.Column}'";
        Assert.True(e.Column is null || ColumnNames.Contains(e.Column), $"{what}: unknown column {e.Column}");
        Assert.StartsWith($"{FileName}: {where}", e.Message, StringComparison.Ordinal);
        Assert.Contains($", byte offset {e.Offset}: {e.Reason}", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void ValidFilesReadCompletely()
    {
        ReadEverything(ValidFile);
        ReadEverything(ValidGzipFile);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { (byte)'P', (byte)'A', (byte)'R' })]
    [InlineData(new byte[] { (byte)'P', (byte)'A', (byte)'R', (byte)'1', (byte)'P', (byte)'A', (byte)'R', (byte)'1' })]
    [InlineData(new byte[] { (byte)'P', (byte)'A', (byte)'R', (byte)'1', 0, 0, 0, 0, (byte)'P', (byte)'A', (byte)'R', (byte)'1' })]
    public void TooShortOrEmptyFooterIsRejected(byte[] file)
    {
        ParquetFormatException error = RefusedWithLocation(file, $"{file.Length}-byte file");
        Assert.Null(error.Column);
    }

    [Fact]
    public void BadMagicIsRejected()
    {
        byte[] head = (byte[])ValidFile.Clone();
        head[0] = (byte)'X';
        ParquetFormatException atHead = RefusedWithLocation(head, "bad leading magic");
        Assert.Contains("magic", atHead.Reason, StringComparison.Ordinal);
        Assert.Equal(0, atHead.Offset);
        byte[] tail = (byte[])ValidFile.Clone();
        tail[^1] = (byte)'X';
        Assert.Equal(tail.Length - 4, RefusedWithLocation(tail, "bad trailing magic").Offset);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    public void WrongFooterLengthIsRejected(int footerLength)
    {
        byte[] file = (byte[])ValidFile.Clone();
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(file.Length - 8), footerLength);
        ParquetFormatException error = RefusedWithLocation(file, $"footer length {footerLength}");
        Assert.Null(error.Column);
        Assert.Equal(file.Length - 8, error.Offset); // the length field itself
    }

    [Fact]
    public void FooterLengthOffByOneIsRejectedOrHarmless()
    {
        int real = BinaryPrimitives.ReadInt32LittleEndian(ValidFile.AsSpan(ValidFile.Length - 8));
        foreach (int delta in new[] { -3, -1, 1, 2, 100 })
        {
            byte[] file = (byte[])ValidFile.Clone();
            BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(file.Length - 8), real + delta);
            ReadOrFormatError(file, $"footer length {real + delta}");
        }
    }

    [Fact]
    public void EveryTruncationIsRejected()
    {
        // A truncated file loses its tail magic, so each prefix must be refused.
        for (int length = 0; length < ValidFile.Length; length += 7)
        {
            byte[] prefix = ValidFile[..length];
            Assert.Null(RefusedWithLocation(prefix, $"first {length} bytes").Column);
        }
    }

    [Fact]
    public void TruncatedDataWithIntactFooterIsRejected()
    {
        // Remove bytes from the middle but keep footer and magic: offsets now point into the footer or beyond.
        int footerLength = BinaryPrimitives.ReadInt32LittleEndian(ValidFile.AsSpan(ValidFile.Length - 8));
        int dataEnd = ValidFile.Length - 8 - footerLength;
        byte[] file = [.. ValidFile[..(dataEnd / 2)], .. ValidFile[dataEnd..]];
        RefusedWithLocation(file, "data halved");
    }

    [Fact]
    public void GarbageFootersFailCleanly()
    {
        int footerLength = BinaryPrimitives.ReadInt32LittleEndian(ValidFile.AsSpan(ValidFile.Length - 8));
        int footerStart = ValidFile.Length - 8 - footerLength;
        var random = new Random(2024);
        for (int trial = 0; trial < 400; trial++)
        {
            byte[] file = (byte[])ValidFile.Clone();
            if (trial % 2 == 0)
            {
                random.NextBytes(file.AsSpan(footerStart, footerLength)); // pure garbage Thrift
            }
            else
            {
                for (int k = 0; k < 1 + (trial % 5); k++)
                {
                    file[footerStart + random.Next(footerLength)] = (byte)random.Next(256); // plausible but damaged
                }
            }

            ReadOrFormatError(file, $"footer trial {trial}");
        }
    }

    [Fact]
    public void DamagedPagesFailCleanly()
    {
        var random = new Random(77);
        foreach (byte[] original in new[] { ValidFile, ValidGzipFile })
        {
            int footerLength = BinaryPrimitives.ReadInt32LittleEndian(original.AsSpan(original.Length - 8));
            int dataEnd = original.Length - 8 - footerLength;
            for (int trial = 0; trial < 300; trial++)
            {
                byte[] file = (byte[])original.Clone();
                for (int k = 0; k < 1 + (trial % 4); k++)
                {
                    file[4 + random.Next(dataEnd - 4)] = (byte)random.Next(256);
                }

                // The footer is intact, so any failure is in a column's pages, inside the data region.
                if (ReadOrFormatError(file, $"page trial {trial}") is { } error)
                {
                    Assert.NotNull(error.Column);
                    Assert.InRange(error.Offset!.Value, 4, dataEnd); // dataEnd: decoding ran off the end of a chunk
                }
            }
        }
    }

    [Fact]
    public void AbsurdThriftLengthsAreBoundedByTheInput()
    {
        // A binary field (type 8) of claimed length 2^40, a list (type 9) of 2^40 elements, and a 20-byte varint.
        byte[][] footers =
        [
            [0x18, 0x80, 0x80, 0x80, 0x80, 0x80, 0x20],
            [0x19, 0xFC, 0x80, 0x80, 0x80, 0x80, 0x80, 0x20],
            [0x15, .. Enumerable.Repeat((byte)0xFF, 20)],
        ];
        foreach (byte[] footer in footers)
        {
            byte[] file = [.. "PAR1"u8, .. footer, 0, 0, 0, 0, .. "PAR1"u8];
            BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(4 + footer.Length), footer.Length);
            Assert.Null(RefusedWithLocation(file, $"footer {Convert.ToHexString(footer)}").Column);
        }
    }

    [Fact]
    public void DamagedPageHeaderNamesItsColumnRowGroupAndOffset()
    {
        // Two row groups of one column; the second group's first page header gets an undefined Thrift type.
        var schema = new ParquetSchema(ParquetColumn.Int64(SingleColumn));
        using var stream = new MemoryStream();
        using (var writer = new ParquetFileWriter(stream, schema, new ParquetWriterOptions { Compression = ParquetCompression.Uncompressed, EnableDictionary = false }))
        {
            foreach (long[] values in new[] { new long[] { 1, 2, 3 }, [4, 5, 6] })
            {
                using (ParquetRowBatch batch = writer.BeginRowBatch())
                {
                    batch.AppendInt64(0, values);
                }

                writer.FlushRowGroup();
            }
        }

        byte[] file = stream.ToArray();
        long secondChunk;
        using (var reader = new ParquetFileReader(new MemoryStream(file)))
        {
            secondChunk = 4 + reader.RowGroups[0].Columns[0].CompressedSize; // "PAR1", then the first chunk
        }

        file[secondChunk] = 0x1F; // field 1 with wire type 15, which Thrift does not define
        ParquetFormatException error = RefusedWithLocation(file, "second page header");
        Assert.Equal(SingleColumn, error.Column);
        Assert.Equal(1, error.RowGroup);
        Assert.Equal(secondChunk + 1, error.Offset); // just after the header byte
        Assert.Contains("type 15", error.Reason, StringComparison.Ordinal);
    }
}
