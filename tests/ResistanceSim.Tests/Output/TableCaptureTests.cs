using ResistanceSim.Output;
using ResistanceSim.Output.Reading;
using ResistanceSim.Output.Sinks;
using ResistanceSim.Output.Tables;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Output;

/// <summary>Rows kept as they stream past are the rows, values, types and nulls the reader gets back from the Parquet file.</summary>
public class TableCaptureTests
{
    private static readonly IReadOnlyList<ColumnSpec> Columns =
    [
        new("arm", ColumnType.Int32, false, "", ""),
        new("replicate", ColumnType.Int64, false, "", ""),
        new("cells", ColumnType.Double, true, "", ""),
        new("resistant", ColumnType.Boolean, false, "", ""),
        new("genotype", ColumnType.String, true, "", ""),
        new("mutations", ColumnType.StringList, true, "", ""),
    ];

    /// <summary>One unit's rows: replicate <paramref name="replicate"/>, three rows with a null cell count, a null genotype and an empty list among them.</summary>
    private static TableBatch Unit(TableBatch batch, int replicate)
    {
        batch.Reset(3);
        for (int r = 0; r < 3; r++)
        {
            batch.Int32(0)[r] = replicate % 2;
            batch.Int64(1)[r] = replicate;
            batch.Double(2)[r] = replicate * 10.5 + r;
            batch.Boolean(3)[r] = r == 1;
            batch.String(4)[r] = $"g{r}";
            batch.StringList(5)[r] = r == 0 ? [] : ["ALK_L1196M", $"m{r}"];
        }
        batch.Valid(2)[1] = false;
        batch.Valid(4)[2] = false;
        return batch;
    }

    [Fact]
    public void KeepsWhatTheReaderReadsBackFromTheFile()
    {
        using var temp = new TempDirectory();
        string path = Path.Combine(temp.Path, "t", "part-00000.parquet");
        IReadOnlyList<(string Column, long Value)> where = [("arm", 1), ("replicate", 3)];
        var capture = new TableCapture(Columns, where);
        var batch = new TableBatch(Columns);
        using (var sink = new ParquetTableSink(path, Columns, new Provenance("test", "abc", 1, "tau")))
        {
            for (int replicate = 0; replicate < 6; replicate++)
            {
                Unit(batch, replicate);
                capture.Add(batch);   // before the sink, which writes nulls into the batch's strings
                sink.Append(batch);
            }
            sink.Commit();
        }

        var read = RunTableReader.Read(RunFiles.Pending(temp.Path, [path]), "t", where);
        var kept = capture.Data;
        Assert.Equal(3, kept.RowCount);
        Assert.Equal(read.ColumnNames, kept.ColumnNames);
        for (int r = 0; r < kept.RowCount; r++)
            foreach (string column in read.ColumnNames)
            {
                Assert.Equal(read[column, r]?.GetType(), kept[column, r]?.GetType());
                Assert.Equal(read.String(column, r), kept.String(column, r));
            }
        Assert.Null(kept["cells", 1]);
        Assert.Null(kept["genotype", 2]);
        Assert.Equal("", kept.String("mutations", 0));
        Assert.Equal("ALK_L1196M+m2", kept.String("mutations", 2));
    }

    [Fact]
    public void ASelectionNeedsAnIntegerColumnTheTableHas()
    {
        Assert.Throws<ArgumentException>(() => new TableCapture(Columns, [("patient", 0)]));
        Assert.Throws<ArgumentException>(() => new TableCapture(Columns, [("cells", 0)]));
    }
}
