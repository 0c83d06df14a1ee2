using System.Runtime.CompilerServices;

namespace ResistanceSim.Engine;

/// <summary>Arithmetic over spans of doubles, in index order (so a total is the same bit for bit wherever it is taken).</summary>
internal static class Spans
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sum(ReadOnlySpan<double> values)
    {
        double total = 0;
        foreach (double value in values) total += value;
        return total;
    }
}
