namespace ResistanceSim.Benchmarks;

/// <summary>
/// The `trajectories` table shape (docs/output-schema.md) filled by integer formulas that tests/duckdb/bench-write.mjs
/// repeats in SQL, so both writers store identical data. Illustrative values, not simulation output.
/// </summary>
public sealed class ParquetTrajectoryData
{
    public ParquetTrajectoryData(int rows)
    {
        Rows = rows;
        Arm = new int[rows];
        Point = new int[rows];
        Replicate = new int[rows];
        TimeDays = new double[rows];
        CloneId = new long[rows];
        Count = new long[rows];
        for (long i = 0; i < rows; i++)
        {
            Arm[i] = (int)(i / 5_000_000);
            Point[i] = (int)(i / 1_000_000 % 5);
            Replicate[i] = (int)(i / 10_000 % 100);
            TimeDays[i] = i % 10_000 / 100 * 0.5;
            CloneId[i] = (i / 10_000 * 100) + (i % 100);
            Count[i] = i * 2_654_435_761L % 1_000_000_007L;
        }
    }

    public int Rows { get; }

    public int[] Arm { get; }

    public int[] Point { get; }

    public int[] Replicate { get; }

    public double[] TimeDays { get; }

    public long[] CloneId { get; }

    public long[] Count { get; }

    /// <summary>Uncompressed size of the values: 3 × int32 + double + 2 × int64 per row.</summary>
    public long RawBytes => Rows * 36L;
}
