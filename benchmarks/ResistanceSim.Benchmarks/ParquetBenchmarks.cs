using BenchmarkDotNet.Attributes;
using ResistanceSim.Parquet;

namespace ResistanceSim.Benchmarks;

/// <summary>
/// Writes and reads the `trajectories` shape (10,000,000 rows, 6 columns, SNAPPY) with ResistanceSim.Parquet.
/// Compare with DuckDB: <c>node tests/duckdb/bench-write.mjs</c>. Results: benchmarks/RESULTS.md.
/// Run: <c>dotnet run -c Release --project benchmarks/ResistanceSim.Benchmarks -- --filter *ParquetBenchmarks*</c>
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class ParquetBenchmarks
{
    private const int Rows = 10_000_000;
    private const int BatchRows = 10_000;

    private static readonly ParquetSchema Schema = new(
        ParquetColumn.Int32("arm"),
        ParquetColumn.Int32("point"),
        ParquetColumn.Int32("replicate"),
        ParquetColumn.Double("time_days"),
        ParquetColumn.Int64("clone_id"),
        ParquetColumn.Int64("count"));

    private ParquetTrajectoryData _data = null!;
    private string _writePath = null!;
    private string _readPath = null!;

    [GlobalSetup]
    public void Setup()
    {
        _data = new ParquetTrajectoryData(Rows);
        string directory = Path.Combine(Path.GetTempPath(), "resistancesim-parquet-bench");
        Directory.CreateDirectory(directory);
        _writePath = Path.Combine(directory, "write.parquet");
        _readPath = Path.Combine(directory, "read.parquet");
        WriteTo(_readPath);
        Console.WriteLine($"// trajectories file: {new FileInfo(_readPath).Length} bytes for {Rows} rows");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        File.Delete(_writePath);
        File.Delete(_readPath);
    }

    [Benchmark]
    public long WriteTrajectories()
    {
        WriteTo(_writePath);
        return new FileInfo(_writePath).Length;
    }

    [Benchmark]
    public long ReadTrajectories()
    {
        using ParquetFileReader reader = ParquetFileReader.Open(_readPath);
        long checksum = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            checksum += reader.ReadValues<int>(g, 0).Values[^1];
            checksum += reader.ReadValues<int>(g, 1).Values[^1];
            checksum += reader.ReadValues<int>(g, 2).Values[^1];
            checksum += (long)reader.ReadValues<double>(g, 3).Values[^1];
            checksum += reader.ReadValues<long>(g, 4).Values[^1];
            checksum += reader.ReadValues<long>(g, 5).Values[^1];
        }

        return checksum;
    }

    /// <summary>The same file read by Parquet.Net 6.1.0, for the reader decision in docs/decisions.md.</summary>
    [Benchmark]
    public async Task<long> ReadTrajectoriesWithParquetNet()
    {
        await using global::Parquet.ParquetReader reader = await global::Parquet.ParquetReader.CreateAsync(_readPath);
        long rows = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using global::Parquet.ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
            foreach (global::Parquet.Schema.DataField field in reader.Schema.GetDataFields())
            {
                using global::Parquet.Data.RawColumnData values = await group.ReadRawColumnDataBaseAsync(field);
            }

            rows += group.RowCount;
        }

        return rows;
    }

    private void WriteTo(string path)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 20);
        using var writer = new ParquetFileWriter(stream, Schema, new ParquetWriterOptions { Compression = ParquetCompression.Snappy });
        for (int start = 0; start < Rows; start += BatchRows)
        {
            using ParquetRowBatch batch = writer.BeginRowBatch();
            batch.AppendInt32(0, _data.Arm.AsSpan(start, BatchRows));
            batch.AppendInt32(1, _data.Point.AsSpan(start, BatchRows));
            batch.AppendInt32(2, _data.Replicate.AsSpan(start, BatchRows));
            batch.AppendDouble(3, _data.TimeDays.AsSpan(start, BatchRows));
            batch.AppendInt64(4, _data.CloneId.AsSpan(start, BatchRows));
            batch.AppendInt64(5, _data.Count.AsSpan(start, BatchRows));
        }
    }
}
