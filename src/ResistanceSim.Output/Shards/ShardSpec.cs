using System.Globalization;

namespace ResistanceSim.Output.Shards;

/// <summary>
/// <c>--shard K/N</c>: shard K (0-based, as Slurm array task ids and Kubernetes completion indices are) of N.
/// A shard owns one contiguous block of the work units, so shard files concatenated in part order are
/// exactly the single-process tables, and the units of one sweep point stay together.
/// </summary>
public readonly record struct ShardSpec(int Index, int Count)
{
    public static ShardSpec Whole { get; } = new(0, 1);

    public bool IsWhole => Count == 1;

    /// <summary>Parses <c>K/N</c> with 0 ≤ K &lt; N; <paramref name="error"/> says what is wrong otherwise.</summary>
    public static bool TryParse(string text, out ShardSpec shard, out string? error)
    {
        shard = Whole;
        error = null;
        int slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0
            || !int.TryParse(text.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            || !int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int count))
        {
            error = $"--shard must be K/N with whole numbers, e.g. 0/4 ('{text}' supplied)";
            return false;
        }
        if (count < 1 || index >= count)
        {
            error = $"--shard K/N needs N >= 1 and 0 <= K < N (K counts from 0, like SLURM_ARRAY_TASK_ID with --array=0-{Math.Max(count - 1, 0).ToString(CultureInfo.InvariantCulture)}) ('{text}' supplied)";
            return false;
        }
        shard = new ShardSpec(index, count);
        return true;
    }

    /// <summary>The first unit and the number of units of this shard among <paramref name="totalUnits"/>.</summary>
    public (long First, long Count) Range(long totalUnits)
    {
        long first = totalUnits * Index / Count;
        long end = totalUnits * (Index + 1) / Count;
        return (first, end - first);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
