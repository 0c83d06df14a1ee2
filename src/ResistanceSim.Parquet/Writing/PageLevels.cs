using System.Buffers;

namespace ResistanceSim.Parquet.Writing;

/// <summary>A page's definition and repetition levels, copied into pooled arrays so the page can be encoded in the background.</summary>
internal readonly record struct PageLevels(int Count, int[]? Definitions, int[]? Repetitions)
{
    public void Release()
    {
        if (Definitions is not null)
        {
            ArrayPool<int>.Shared.Return(Definitions);
        }

        if (Repetitions is not null)
        {
            ArrayPool<int>.Shared.Return(Repetitions);
        }
    }
}
