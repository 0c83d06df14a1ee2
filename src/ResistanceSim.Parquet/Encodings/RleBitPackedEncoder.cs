using ResistanceSim.Parquet.IO;

namespace ResistanceSim.Parquet.Encodings;

/// <summary>
/// The RLE / bit-packing hybrid (Encodings.md "Run Length Encoding / Bit-Packing Hybrid"), used for
/// definition and repetition levels and dictionary indices. Runs of 8 or more equal values become
/// RLE runs; everything else is bit-packed in groups of 8, least significant bit first.
/// </summary>
internal static class RleBitPackedEncoder
{
    private const int MinRunLength = 8;

    public static int BitWidth(int maxValue) => maxValue <= 0 ? 0 : 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)maxValue);

    public static void Encode(ReadOnlySpan<int> values, int bitWidth, ByteBuffer output)
    {
        int i = 0;
        while (i < values.Length)
        {
            int run = RunLength(values, i, int.MaxValue);
            if (run >= MinRunLength)
            {
                WriteRleRun(values[i], run, bitWidth, output);
                i += run;
                continue;
            }

            int start = i;
            int groups = 0;
            while (i < values.Length && RunLength(values, i, MinRunLength) < MinRunLength)
            {
                i += MinRunLength;
                groups++;
            }

            int end = Math.Min(i, values.Length);
            WriteBitPackedRun(values[start..end], groups, bitWidth, output);
            i = end;
        }
    }

    private static int RunLength(ReadOnlySpan<int> values, int start, int limit)
    {
        int value = values[start];
        int end = start + 1;
        while (end < values.Length && values[end] == value && end - start < limit)
        {
            end++;
        }

        return end - start;
    }

    private static void WriteRleRun(int value, int count, int bitWidth, ByteBuffer output)
    {
        output.WriteVarUInt64((ulong)count << 1);
        int byteWidth = (bitWidth + 7) / 8;
        for (int b = 0; b < byteWidth; b++)
        {
            output.WriteByte((byte)(value >> (8 * b)));
        }
    }

    private static void WriteBitPackedRun(ReadOnlySpan<int> values, int groups, int bitWidth, ByteBuffer output)
    {
        output.WriteVarUInt64(((ulong)groups << 1) | 1);
        int byteCount = groups * bitWidth;
        Span<byte> destination = output.GetSpan(byteCount)[..byteCount];
        destination.Clear();
        ulong accumulator = 0;
        int bitsInAccumulator = 0;
        int position = 0;
        int padded = groups * MinRunLength;
        for (int v = 0; v < padded; v++)
        {
            ulong value = v < values.Length ? (uint)values[v] : 0;
            accumulator |= value << bitsInAccumulator;
            bitsInAccumulator += bitWidth;
            while (bitsInAccumulator >= 8)
            {
                destination[position++] = (byte)accumulator;
                accumulator >>= 8;
                bitsInAccumulator -= 8;
            }
        }

        output.Advance(byteCount);
    }
}
