namespace ResistanceSim.Parquet.Tests;

public class SmokeTests
{
    [Fact]
    public void SmallTableRoundTrips()
    {
        var schema = new ParquetSchema(
            ParquetColumn.Int64("id"),
            ParquetColumn.Double("x", nullable: true),
            ParquetColumn.String("label", nullable: true),
            ParquetColumn.StringList("tags", nullable: true));
        var table = new TableData(schema, [
            [1L, 2L, 3L],
            [1.5, null, double.NaN],
            ["a", null, "ü"],
            [new[] { "x", "y" }, null, Array.Empty<string>()],
        ]);
        byte[] file = table.Write(new ParquetWriterOptions());
        object?[][] back = TableData.ReadAll(file, out ParquetFileReader reader);
        using (reader)
        {
            Assert.Equal(3, reader.RowCount);
            Assert.Equal(new object?[] { 1L, 2L, 3L }, back[0]);
            Assert.Equal(new object?[] { 1.5, null, double.NaN }, back[1]);
            Assert.Equal(new object?[] { "a", null, "ü" }, back[2]);
            Assert.Equal(new object?[] { "x", "y" }, back[3][0]);
            Assert.Null(back[3][1]);
            Assert.Empty((object?[])back[3][2]!);
        }
    }
}
