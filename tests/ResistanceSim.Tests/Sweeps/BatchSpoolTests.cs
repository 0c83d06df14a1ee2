using ResistanceSim.Output.Shards;
using ResistanceSim.Output.Tables;

namespace ResistanceSim.Tests.Sweeps;

public class BatchSpoolTests
{
    private static readonly ColumnSpec[] Columns =
    [
        new("i", ColumnType.Int32, false, "", ""), new("l", ColumnType.Int64, true, "", ""), new("d", ColumnType.Double, true, "", ""),
        new("s", ColumnType.String, false, "", ""), new("b", ColumnType.Boolean, false, "", ""),
    ];

    [Fact]
    public void BatchesReadBackExactlyIncludingNullsAndSpecialDoubles()
    {
        var batch = new TableBatch(Columns);
        batch.Reset(4);
        int[] ints = [1, -7, int.MaxValue, 0];
        long[] longs = [long.MinValue, 5, 6, 7];
        double[] doubles = [double.NaN, double.NegativeInfinity, 0.1 + 0.2, -0.0];
        string[] strings = ["", "a,b", "ünïcode \"q\"", "x\ny"];
        bool[] bools = [true, false, true, false];
        ints.CopyTo(batch.Int32(0)); longs.CopyTo(batch.Int64(1)); doubles.CopyTo(batch.Double(2));
        strings.CopyTo(batch.String(3)); bools.CopyTo(batch.Boolean(4));
        batch.Valid(1)[2] = false;
        batch.Valid(2)[0] = false;

        var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            BatchSpool.Write(writer, 1, batch);
            BatchSpool.Write(writer, 0, batch);
            BatchSpool.WriteEnd(writer);
        }
        stream.Position = 0;
        var seen = new List<int>();
        var targets = new[] { new TableBatch(Columns), new TableBatch(Columns) };
        BatchSpool.Read(new BinaryReader(stream), targets, (table, read) =>
        {
            seen.Add(table);
            Assert.Equal(ints, read.Int32(0).ToArray());
            Assert.Equal(longs, read.Int64(1).ToArray());
            Assert.Equal(doubles.Select(BitConverter.DoubleToInt64Bits), read.Double(2).ToArray().Select(BitConverter.DoubleToInt64Bits));
            Assert.Equal(strings, read.String(3).ToArray());
            Assert.Equal(bools, read.Boolean(4).ToArray());
            Assert.Equal([true, true, false, true], read.Valid(1).ToArray());
            Assert.Equal([false, true, true, true], read.Valid(2).ToArray());
        });
        Assert.Equal([1, 0], seen);
    }

    [Fact]
    public void ATruncatedSpoolIsDetected()
    {
        var batch = new TableBatch(Columns);
        batch.Reset(1);
        batch.String(3)[0] = "x";
        var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) BatchSpool.Write(writer, 0, batch);   // no end marker
        stream.Position = 0;
        Assert.Throws<EndOfStreamException>(() => BatchSpool.Read(new BinaryReader(stream), [new TableBatch(Columns)], (_, _) => { }));
    }

    /// <summary>Numbers go out as one block per column; the bytes must be those of writing each value, so a spool written
    /// before (value by value) still resumes.</summary>
    [Fact]
    public void ANumberColumnIsWrittenAsTheBytesOfItsValuesOneByOne()
    {
        ColumnSpec[] columns = [new("i", ColumnType.Int32, false, "", ""), new("l", ColumnType.Int64, false, "", ""), new("d", ColumnType.Double, false, "", "")];
        var batch = new TableBatch(columns);
        batch.Reset(3);
        int[] ints = [1, -7, int.MaxValue];
        long[] longs = [long.MinValue, 5, 1L << 40];
        double[] doubles = [double.NaN, -0.0, 1e-300];
        ints.CopyTo(batch.Int32(0)); longs.CopyTo(batch.Int64(1)); doubles.CopyTo(batch.Double(2));

        var block = new MemoryStream();
        using (var writer = new BinaryWriter(block, System.Text.Encoding.UTF8, leaveOpen: true)) BatchSpool.Write(writer, 2, batch);
        var oneByOne = new MemoryStream();
        using (var writer = new BinaryWriter(oneByOne, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(2);
            writer.Write(3);
            foreach (int v in ints) writer.Write(v);
            foreach (long v in longs) writer.Write(v);
            foreach (double v in doubles) writer.Write(v);
        }
        Assert.Equal(oneByOne.ToArray(), block.ToArray());
    }
}
