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

    /// <summary>Divides <paramref name="values"/> by their <see cref="Sum"/>, in index order; false (and unchanged) when the sum is not positive.</summary>
    public static bool DivideBySum(Span<double> values)
    {
        double total = Sum(values);
        if (!(total > 0)) return false;
        for (int i = 0; i < values.Length; i++) values[i] /= total;
        return true;
    }
}
