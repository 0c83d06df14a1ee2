using ResistanceSim.Parquet.Reading;

namespace ResistanceSim.Parquet.Encodings;

/// <summary>
/// DELTA_BINARY_PACKED (Encodings.md): a header (block size, miniblocks per block, value count,
/// first value), then blocks of a zigzag min-delta, one bit width per miniblock and bit-packed
/// deltas. Arithmetic wraps as two's complement, as the format requires.
/// </summary>
internal static class DeltaBinaryPackedDecoder
{
    /// <summary>Decodes all values of the stream; returns the number of bytes it occupied.</summary>
    public static int Decode(ReadOnlySpan<byte> data, ValueBuffer<long> into, out int valueCount)
    {
        int position = 0;
        ulong blockSize = ReadVarUInt(data, ref position);
        ulong miniblocksPerBlock = ReadVarUInt(data, ref position);
        ulong totalValues = ReadVarUInt(data, ref position);
        long value = ReadZigZag(data, ref position);
        if (blockSize == 0 || blockSize % 128 != 0 || miniblocksPerBlock == 0 || blockSize % miniblocksPerBlock != 0
            || blockSize / miniblocksPerBlock % 32 != 0 || blockSize > 1 << 20)
        {
            throw new ParquetFormatException("DELTA_BINARY_PACKED header is invalid.");
        }

        // Deltas may take 0 bits each, so the count cannot be bounded tightly; this bound only stops absurd claims.
        if (totalValues > int.MaxValue || totalValues > (ulong)(data.Length + 1) * 64 * 1024)
        {
            throw new ParquetFormatException("DELTA_BINARY_PACKED value count is implausible for its data length.");
        }

        valueCount = (int)totalValues;
        Span<long> output = into.Reserve(valueCount);
        if (valueCount == 0)
        {
            return position;
        }

        output[0] = value;
        int written = 1;
        int valuesPerMiniblock = (int)(blockSize / miniblocksPerBlock);
        int miniblocks = (int)miniblocksPerBlock;
        while (written < valueCount)
        {
            long minDelta = ReadZigZag(data, ref position);
            if (position + miniblocks > data.Length)
            {
                throw new ParquetFormatException("DELTA_BINARY_PACKED block is truncated.");
            }

            ReadOnlySpan<byte> bitWidths = data.Slice(position, miniblocks);
            position += miniblocks;
            for (int m = 0; m < miniblocks && written < valueCount; m++)
            {
                int bitWidth = bitWidths[m];
                if (bitWidth > 64)
                {
                    throw new ParquetFormatException("DELTA_BINARY_PACKED miniblock bit width exceeds 64.");
                }

                int bytes = valuesPerMiniblock * bitWidth / 8;
                if (position + bytes > data.Length)
                {
                    throw new ParquetFormatException("DELTA_BINARY_PACKED miniblock is truncated.");
                }

                ReadOnlySpan<byte> packed = data.Slice(position, bytes);
                int take = Math.Min(valuesPerMiniblock, valueCount - written);
                for (int i = 0; i < take; i++)
                {
                    ulong delta = ReadBits(packed, i * bitWidth, bitWidth);
                    value = unchecked(value + minDelta + (long)delta);
                    output[written++] = value;
                }

                position += bytes;
            }
        }

        return position;
    }

    private static ulong ReadBits(ReadOnlySpan<byte> data, int bitOffset, int bitWidth)
    {
        if (bitWidth == 0)
        {
            return 0;
        }

        ulong result = 0;
        int produced = 0;
        while (produced < bitWidth)
        {
            int byteIndex = (bitOffset + produced) >> 3;
            int shift = (bitOffset + produced) & 7;
            int take = Math.Min(8 - shift, bitWidth - produced);
            ulong bits = (ulong)(data[byteIndex] >> shift) & ((1UL << take) - 1);
            result |= bits << produced;
            produced += take;
        }

        return result;
    }

    private static long ReadZigZag(ReadOnlySpan<byte> data, ref int position)
    {
        ulong raw = ReadVarUInt(data, ref position);
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }

    private static ulong ReadVarUInt(ReadOnlySpan<byte> data, ref int position)
    {
        ulong result = 0;
        for (int shift = 0; shift < 70; shift += 7)
        {
            if (position >= data.Length)
            {
                throw new ParquetFormatException("DELTA_BINARY_PACKED data is truncated.");
            }

            byte b = data[position++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }

        throw new ParquetFormatException("DELTA_BINARY_PACKED varint is too long.");
    }
}
