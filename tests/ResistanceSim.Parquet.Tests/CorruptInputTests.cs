using System.Buffers.Binary;

namespace ResistanceSim.Parquet.Tests;

/// <summary>Malformed input must end in <see cref="ParquetFormatException"/>: never an index, cast or memory error, never a hang.</summary>
public class CorruptInputTests
{
    private static readonly byte[] ValidFile = RandomTables.Create(300, nullable: true, seed: 5)
        .Write(new ParquetWriterOptions { PageSizeBytes = 512, RowGroupRows = 100 }, batchSize: 100);

    private static readonly byte[] ValidGzipFile = RandomTables.Create(120, nullable: false, seed: 6)
        .Write(new ParquetWriterOptions { Compression = ParquetCompression.Gzip, EnableDictionary = false }, batchSize: 60);

    /// <summary>Opens and reads every column; returns normally or throws only ParquetFormatException.</summary>
    private static void ReadEverything(byte[] file)
    {
        using var reader = new ParquetFileReader(new MemoryStream(file));
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            for (int c = 0; c < reader.Schema.Columns.Count; c++)
            {
                reader.ReadColumn(g, c);
            }
        }
    }

    private static void AssertReadsOrFailsCleanly(byte[] file, string what)
    {
        try
        {
            ReadEverything(file);
        }
        catch (ParquetFormatException)
        {
        }
        catch (Exception e)
        {
            Assert.Fail($"{what}: {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
        }
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
        Assert.Throws<ParquetFormatException>(() => ReadEverything(file));
    }

    [Fact]
    public void BadMagicIsRejected()
    {
        byte[] head = (byte[])ValidFile.Clone();
        head[0] = (byte)'X';
        Assert.Contains("magic", Assert.Throws<ParquetFormatException>(() => ReadEverything(head)).Message, StringComparison.Ordinal);
        byte[] tail = (byte[])ValidFile.Clone();
        tail[^1] = (byte)'X';
        Assert.Throws<ParquetFormatException>(() => ReadEverything(tail));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    public void WrongFooterLengthIsRejected(int footerLength)
    {
        byte[] file = (byte[])ValidFile.Clone();
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(file.Length - 8), footerLength);
        Assert.Throws<ParquetFormatException>(() => ReadEverything(file));
    }

    [Fact]
    public void FooterLengthOffByOneIsRejectedOrHarmless()
    {
        int real = BinaryPrimitives.ReadInt32LittleEndian(ValidFile.AsSpan(ValidFile.Length - 8));
        foreach (int delta in new[] { -3, -1, 1, 2, 100 })
        {
            byte[] file = (byte[])ValidFile.Clone();
            BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(file.Length - 8), real + delta);
            AssertReadsOrFailsCleanly(file, $"footer length {real + delta}");
        }
    }

    [Fact]
    public void EveryTruncationIsRejected()
    {
        // A truncated file loses its tail magic, so each prefix must be refused.
        for (int length = 0; length < ValidFile.Length; length += 7)
        {
            byte[] prefix = ValidFile[..length];
            Assert.Throws<ParquetFormatException>(() => ReadEverything(prefix));
        }
    }

    [Fact]
    public void TruncatedDataWithIntactFooterIsRejected()
    {
        // Remove bytes from the middle but keep footer and magic: offsets now point into the footer or beyond.
        int footerLength = BinaryPrimitives.ReadInt32LittleEndian(ValidFile.AsSpan(ValidFile.Length - 8));
        int dataEnd = ValidFile.Length - 8 - footerLength;
        byte[] file = [.. ValidFile[..(dataEnd / 2)], .. ValidFile[dataEnd..]];
        Assert.Throws<ParquetFormatException>(() => ReadEverything(file));
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

            AssertReadsOrFailsCleanly(file, $"footer trial {trial}");
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

                AssertReadsOrFailsCleanly(file, $"page trial {trial}");
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
            Assert.Throws<ParquetFormatException>(() => ReadEverything(file));
        }
    }
}
