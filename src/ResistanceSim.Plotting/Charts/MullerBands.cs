namespace ResistanceSim.Plotting.Charts;

/// <summary>
/// The geometry of a Muller plot: for clone <c>c</c> (index in the input list) at time index
/// <c>t</c>, the band [<see cref="Lower"/>[c][t], <see cref="Upper"/>[c][t]] in frequency units (0..1).
/// </summary>
public sealed class MullerBands
{
    internal MullerBands(long[] cloneIds, int[] parentIndex, int[] drawOrder, double[][] lower, double[][] upper)
    {
        CloneIds = cloneIds;
        ParentIndex = parentIndex;
        DrawOrder = drawOrder;
        Lower = lower;
        Upper = upper;
    }

    /// <summary>Clone ids in input order.</summary>
    public IReadOnlyList<long> CloneIds { get; }

    /// <summary>Index of each clone's parent in the input, or −1 for a founder (top-level band).</summary>
    public IReadOnlyList<int> ParentIndex { get; }

    /// <summary>Clone indices with every parent before its children (the order to paint bands).</summary>
    public IReadOnlyList<int> DrawOrder { get; }

    /// <summary>Lower edge per clone per time.</summary>
    public double[][] Lower { get; }

    /// <summary>Upper edge per clone per time.</summary>
    public double[][] Upper { get; }

    /// <summary>The band of clone <paramref name="cloneIndex"/> at time index <paramref name="timeIndex"/>.</summary>
    public (double Lower, double Upper) Band(int cloneIndex, int timeIndex) => (Lower[cloneIndex][timeIndex], Upper[cloneIndex][timeIndex]);
}
