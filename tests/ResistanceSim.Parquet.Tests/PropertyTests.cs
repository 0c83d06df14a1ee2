using System.Text;
using FsCheck;
using FsCheck.Fluent;
using ResistanceSim.Parquet.Encodings;
using ResistanceSim.Parquet.IO;
using ResistanceSim.Testing;

namespace ResistanceSim.Parquet.Tests;

/// <summary>FsCheck properties (100 cases each): random tables and random level/index streams round-trip exactly.</summary>
public class PropertyTests
{
    private static readonly ParquetCompression[] Codecs = [ParquetCompression.Uncompressed, ParquetCompression.Snappy, ParquetCompression.Gzip];

    private sealed record WriteCase(int Rows, int Seed, bool Nullable, ParquetCompression Codec, bool Dictionary, int BatchSize, int PageSize, int RowGroupRows);

    [Fact]
    public void RandomTablesRoundTripExactly()
    {
        Gen<WriteCase> cases =
            from rows in Gen.Choose(0, 400)
            from seed in Gen.Choose(0, int.MaxValue)
            from nullable in Gen.Elements(true, false)
            from codec in Gen.Elements(Codecs)
            from dictionary in Gen.Elements(true, false)
            from batch in Gen.Choose(1, 97)
            from page in Gen.Choose(64, 4096)
            from groupRows in Gen.Choose(1, 500)
            select new WriteCase(rows, seed, nullable, codec, dictionary, batch, page, groupRows);

        PropertyCheck.Verify(Prop.ForAll(Arb.From(cases), c =>
        {
            TableData table = RandomTables.Create(c.Rows, c.Nullable, c.Seed);
            var options = new ParquetWriterOptions { Compression = c.Codec, EnableDictionary = c.Dictionary, PageSizeBytes = c.PageSize, RowGroupRows = c.RowGroupRows };
            object?[][] back = TableData.ReadAll(table.Write(options, c.BatchSize), out ParquetFileReader reader);
            using (reader)
            {
                Assert.Equal(c.Rows, reader.RowCount);
                for (int col = 0; col < table.Columns.Length; col++)
                {
                    RandomTables.AssertSameValues(table.Columns[col], back[col], table.Schema[col].Name);
                }
            }
        }));
    }

    [Fact]
    public void ArbitraryValuesRoundTripExactly()
    {
        Arbitrary<(long[] Longs, double[] Doubles, string[] Strings)> values = Arb.From(
            from longs in ArbMap.Default.GeneratorFor<long[]>()
            from doubles in Gen.ArrayOf(ArbMap.Default.GeneratorFor<double>(), longs.Length)
            from strings in Gen.ArrayOf(ArbMap.Default.GeneratorFor<NonNull<string>>().Select(s => ValidUtf16(s.Get)), longs.Length)
            select (longs, doubles, strings));

        PropertyCheck.Verify(Prop.ForAll(values, v =>
        {
            var table = new TableData(
                new ParquetSchema(ParquetColumn.Int64("l"), ParquetColumn.Double("d"), ParquetColumn.String("s")),
                [[.. v.Longs.Cast<object?>()], [.. v.Doubles.Cast<object?>()], [.. v.Strings.Cast<object?>()]]);
            object?[][] back = TableData.ReadAll(table.Write(new ParquetWriterOptions { PageSizeBytes = 128 }, batchSize: 7), out ParquetFileReader reader);
            reader.Dispose();
            for (int col = 0; col < 3; col++)
            {
                RandomTables.AssertSameValues(table.Columns[col], back[col], table.Schema[col].Name);
            }
        }));
    }

    [Fact]
    public void RleBitPackedHybridRoundTrips()
    {
        Gen<(int BitWidth, int[] Values)> streams =
            from bitWidth in Gen.Choose(0, 32)
            from length in Gen.Choose(0, 300)
            from runny in Gen.Elements(true, false)
            from raw in Gen.ArrayOf(Gen.Choose(0, int.MaxValue), length)
            select (bitWidth, raw.Select((x, i) => Mask(runny ? raw[i / 13 * 13 % Math.Max(1, length)] : x, bitWidth)).ToArray());

        PropertyCheck.Verify(Prop.ForAll(Arb.From(streams), s =>
        {
            var buffer = new ByteBuffer();
            RleBitPackedEncoder.Encode(s.Values, s.BitWidth, buffer);
            int[] decoded = new int[s.Values.Length];
            new RleBitPackedDecoder(buffer.WrittenSpan, s.BitWidth).Decode(decoded);
            Assert.Equal(s.Values, decoded);
        }));
    }

    private static int Mask(int value, int bitWidth) => bitWidth >= 31 ? value : value & ((1 << bitWidth) - 1);

    /// <summary>Strings as UTF-8 can represent them (lone surrogates are not representable and become U+FFFD).</summary>
    private static string ValidUtf16(string value) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(value));
}
