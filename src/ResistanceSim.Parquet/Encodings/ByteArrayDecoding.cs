using System.Buffers.Binary;
using ResistanceSim.Parquet.Reading;

namespace ResistanceSim.Parquet.Encodings;

/// <summary>BYTE_ARRAY value encodings: PLAIN (4-byte length + bytes), DELTA_LENGTH_BYTE_ARRAY and DELTA_BYTE_ARRAY.</summary>
internal static class ByteArrayDecoding
{
    /// <summary>Decodes <paramref name="count"/> PLAIN values as (offset, length) ranges into <paramref name="data"/>.</summary>
    public static void DecodePlainRanges(ReadOnlySpan<byte> data, int count, Span<(int Offset, int Length)> ranges)
    {
        int position = 0;
        for (int i = 0; i < count; i++)
        {
            if (position + 4 > data.Length)
            {
                throw new ParquetFormatException("PLAIN BYTE_ARRAY data ends before all values.");
            }

            int length = BinaryPrimitives.ReadInt32LittleEndian(data[position..]);
            position += 4;
            if (length < 0 || length > data.Length - position)
            {
                throw new ParquetFormatException($"PLAIN BYTE_ARRAY value length {length} exceeds the page.");
            }

            ranges[i] = (position, length);
            position += length;
        }
    }

    public static void DecodeDeltaLengthRanges(ReadOnlySpan<byte> data, int count, Span<(int Offset, int Length)> ranges)
    {
        var lengths = new ValueBuffer<long>(count);
        int position = DeltaBinaryPackedDecoder.Decode(data, lengths, out int decoded);
        if (decoded < count)
        {
            throw new ParquetFormatException("DELTA_LENGTH_BYTE_ARRAY has fewer lengths than values.");
        }

        for (int i = 0; i < count; i++)
        {
            long length = lengths.Items[i];
            if (length < 0 || length > data.Length - position)
            {
                throw new ParquetFormatException("DELTA_LENGTH_BYTE_ARRAY value exceeds the page.");
            }

            ranges[i] = (position, (int)length);
            position += (int)length;
        }
    }

    /// <summary>DELTA_BYTE_ARRAY: each value is a prefix of the previous value plus a suffix.</summary>
    public static byte[][] DecodeDeltaByteArray(ReadOnlySpan<byte> data, int count)
    {
        var prefixes = new ValueBuffer<long>(count);
        int position = DeltaBinaryPackedDecoder.Decode(data, prefixes, out int prefixCount);
        if (prefixCount < count)
        {
            throw new ParquetFormatException("DELTA_BYTE_ARRAY has fewer prefix lengths than values.");
        }

        var suffixRanges = new (int Offset, int Length)[count];
        ReadOnlySpan<byte> suffixData = data[position..];
        DecodeDeltaLengthRanges(suffixData, count, suffixRanges);
        var values = new byte[count][];
        byte[] previous = [];
        for (int i = 0; i < count; i++)
        {
            long prefix = prefixes.Items[i];
            if (prefix < 0 || prefix > previous.Length)
            {
                throw new ParquetFormatException("DELTA_BYTE_ARRAY prefix is longer than the previous value.");
            }

            (int offset, int length) = suffixRanges[i];
            var value = new byte[prefix + length];
            previous.AsSpan(0, (int)prefix).CopyTo(value);
            suffixData.Slice(offset, length).CopyTo(value.AsSpan((int)prefix));
            values[i] = value;
            previous = value;
        }

        return values;
    }
}
