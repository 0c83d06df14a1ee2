using Net = Parquet;
using NetSchema = Parquet.Schema;

namespace ResistanceSim.Parquet.Tests;

/// <summary>
/// Reads files that Parquet.Net 6.1.0 writes here, in the test (its footer puts some fields in
/// encodings our reader once refused: Thrift requires skipping them). Expected values are recomputed
/// from the formulas that generated them.
/// </summary>
public class ParquetNetFixtureTests
{
    private const int Rows = 1500;

    [Theory]
    [InlineData(Net.CompressionMethod.Snappy, ParquetCompression.Snappy, 1_000_000)]
    [InlineData(Net.CompressionMethod.Gzip, ParquetCompression.Gzip, 1_000_000)]
    [InlineData(Net.CompressionMethod.None, ParquetCompression.Uncompressed, 400)]
    public async Task ReadsEveryColumnWrittenByParquetNet(Net.CompressionMethod method, ParquetCompression codec, int rowGroupRows)
    {
        byte[] file = await WriteWithParquetNet(method, rowGroupRows);

        using var reader = new ParquetFileReader(new MemoryStream(file), sourceName: "parquet-net.parquet");
        Assert.Equal(Rows, reader.RowCount);
        Assert.Equal((Rows + rowGroupRows - 1) / rowGroupRows, reader.RowGroupCount);
        Assert.Contains("parquet", reader.CreatedBy, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(codec, reader.RowGroups[0].Columns[0].Compression);
        Assert.Equal("fixture", reader.KeyValueMetadata["origin"]);

        object?[] ids = ColumnValues.Concat(reader, "id");
        object?[] counts = ColumnValues.Concat(reader, "count");
        object?[] doses = ColumnValues.Concat(reader, "dose");
        object?[] fractions = ColumnValues.Concat(reader, "fraction");
        object?[] flags = ColumnValues.Concat(reader, "flag");
        object?[] labels = ColumnValues.Concat(reader, "label");
        object?[] optional = ColumnValues.Concat(reader, "optional");
        for (int i = 0; i < Rows; i++)
        {
            Assert.Equal((object)Id(i), ids[i]);
            Assert.Equal((object)Count(i), counts[i]);
            Assert.Equal((object)Dose(i), doses[i]);
            Assert.Equal((object)Fraction(i), fractions[i]);
            Assert.Equal((object)Flag(i), flags[i]);
            Assert.Equal(Label(i), labels[i]);
            Assert.Equal(Optional(i), (double?)optional[i]);
        }
    }

    private static long Id(int i) => i * 1_000_003L - 700_000_000;

    private static int Count(int i) => (i * 37) % 1001 - 500;

    private static double Dose(int i) => i / 16.0;

    private static float Fraction(int i) => (i % 97) / 8f;

    private static bool Flag(int i) => i % 3 == 1;

    private static string? Label(int i) => i % 11 == 0 ? null : $"clone-{i % 23}-ü";

    private static double? Optional(int i) => i % 4 == 0 ? null : i * 0.5;

    private static async Task<byte[]> WriteWithParquetNet(Net.CompressionMethod method, int rowGroupRows)
    {
        var id = new NetSchema.DataField<long>("id");
        var count = new NetSchema.DataField<int>("count");
        var dose = new NetSchema.DataField<double>("dose");
        var fraction = new NetSchema.DataField<float>("fraction");
        var flag = new NetSchema.DataField<bool>("flag");
        var label = new NetSchema.DataField<string>("label", true);
        var optional = new NetSchema.DataField<double?>("optional");
        var schema = new NetSchema.ParquetSchema(id, count, dose, fraction, flag, label, optional);

        using var stream = new MemoryStream();
        await using (Net.ParquetWriter writer = await Net.ParquetWriter.CreateAsync(schema, stream, new Net.ParquetOptions { CompressionMethod = method }))
        {
            writer.CustomMetadata = new Dictionary<string, string> { ["origin"] = "fixture" };
            for (int start = 0; start < Rows; start += rowGroupRows)
            {
                int[] rows = [.. Enumerable.Range(start, Math.Min(rowGroupRows, Rows - start))];
                using Net.ParquetRowGroupWriter group = writer.CreateRowGroup();
                await group.WriteAsync(id, new ReadOnlyMemory<long>([.. rows.Select(Id)]));
                await group.WriteAsync(count, new ReadOnlyMemory<int>([.. rows.Select(Count)]));
                await group.WriteAsync(dose, new ReadOnlyMemory<double>([.. rows.Select(Dose)]));
                await group.WriteAsync(fraction, new ReadOnlyMemory<float>([.. rows.Select(Fraction)]));
                await group.WriteAsync(flag, new ReadOnlyMemory<bool>([.. rows.Select(Flag)]));
                await group.WriteAsync(label, [.. rows.Select(Label)]);
                await group.WriteAsync(optional, new ReadOnlyMemory<double?>([.. rows.Select(Optional)]));
            }
        }

        return stream.ToArray();
    }
}
