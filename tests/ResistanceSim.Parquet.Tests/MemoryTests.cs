using Xunit.Abstractions;

namespace ResistanceSim.Parquet.Tests;

/// <summary>Memory is measured process-wide, so these tests run alone (no other test class in parallel).</summary>
[CollectionDefinition(nameof(MemoryTests), DisableParallelization = true)]
public sealed class MemoryTestsCollection;

/// <summary>Streaming many rows keeps memory bounded: retained memory does not grow with the row count.</summary>
[Collection(nameof(MemoryTests))]
public class MemoryTests(ITestOutputHelper output)
{
    [Fact]
    public void StreamingManyRowsKeepsRetainedMemoryFlat()
    {
        // The trajectories shape (3 int32, 1 double, 2 int64), 3,000,000 rows in 1,000-row batches,
        // 500,000-row groups. Memory is sampled after 1,500,000 and after 3,000,000 rows. Encoding runs
        // inline: background encoders hold however many pages the scheduler left in flight at the
        // sample, which made the retained figure depend on machine load (the bytes written are the same).
        var schema = new ParquetSchema(
            ParquetColumn.Int32("arm"), ParquetColumn.Int32("point"), ParquetColumn.Int32("replicate"),
            ParquetColumn.Double("time_days"), ParquetColumn.Int64("clone_id"), ParquetColumn.Int64("count"));
        using var writer = new ParquetFileWriter(Stream.Null, schema, new ParquetWriterOptions { RowGroupRows = 500_000, ParallelEncoding = false });
        const int batch = 1_000;
        int[] arm = new int[batch], point = new int[batch], replicate = new int[batch];
        double[] time = new double[batch];
        long[] clone = new long[batch], count = new long[batch];
        long retainedAtOneMillion = 0, allocatedAtOneMillion = 0; // sampled at 1.5M rows, after pools have warmed up
        for (long start = 0; start < 3_000_000; start += batch)
        {
            for (int i = 0; i < batch; i++)
            {
                long row = start + i;
                arm[i] = (int)(row / 1_500_000);
                point[i] = (int)(row / 100_000 % 5);
                replicate[i] = (int)(row / 10_000 % 10);
                time[i] = row % 10_000 / 100 * 0.5;
                clone[i] = (row / 10_000 * 100) + (row % 100);
                count[i] = row * 2_654_435_761L % 1_000_000_007L;
            }

            using (ParquetRowBatch rows = writer.BeginRowBatch())
            {
                rows.AppendInt32(0, arm);
                rows.AppendInt32(1, point);
                rows.AppendInt32(2, replicate);
                rows.AppendDouble(3, time);
                rows.AppendInt64(4, clone);
                rows.AppendInt64(5, count);
            }

            if (start + batch == 1_500_000)
            {
                retainedAtOneMillion = GC.GetTotalMemory(forceFullCollection: true);
                allocatedAtOneMillion = GC.GetTotalAllocatedBytes(precise: true);
            }
        }

        long retainedAtThreeMillion = GC.GetTotalMemory(forceFullCollection: true);
        long allocatedPerRow = (GC.GetTotalAllocatedBytes(precise: true) - allocatedAtOneMillion) / 1_500_000;
        output.WriteLine($"retained: {retainedAtOneMillion / 1e6:F1} MB at 1.5M rows, {retainedAtThreeMillion / 1e6:F1} MB at 3M rows; allocated {allocatedPerRow} B/row");
        Assert.Equal(6, writer.RowGroupCount);
        // Doubling the rows may not grow retained memory by more than 8 MB (it would grow by ~54 MB if rows were kept).
        Assert.True(retainedAtThreeMillion - retainedAtOneMillion < 8_000_000, $"retained memory grew by {(retainedAtThreeMillion - retainedAtOneMillion) / 1e6:F1} MB");
        // Raw data is 36 B/row; allocation stays below that (compressed page buffers only, no per-value garbage;
        // the thread pool's page compression is included because the count is process-wide).
        Assert.True(allocatedPerRow < 36, $"{allocatedPerRow} bytes allocated per row");
    }
}
