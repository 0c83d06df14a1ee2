using System.Buffers.Binary;

namespace ResistanceSim.Parquet.Encodings;

/// <summary>
/// Decoder for the RLE / bit-packing hybrid. Bounds-checked: a run that reaches past the input
/// or a bit width above 32 raises <see cref="ParquetFormatException"/>.
/// </summary>
internal ref struct RleBitPackedDecoder
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly int _bitWidth;
    private readonly int _byteWidth;
    private int _position;
    private long _rleRemaining;
    private int _rleValue;
    private long _packedRemaining;
    private int _packedBitOffset;

    public RleBitPackedDecoder(ReadOnlySpan<byte> data, int bitWidth)
    {
        if (bitWidth is < 0 or > 32)
        {
            throw new ParquetFormatException($"Invalid RLE bit width {bitWidth}.");
        }

        _data = data;
        _bitWidth = bitWidth;
        _byteWidth = (bitWidth + 7) / 8;
        _position = 0;
        _rleRemaining = 0;
        _rleValue = 0;
        _packedRemaining = 0;
        _packedBitOffset = 0;
    }

    /// <summary>Fills <paramref name="destination"/> completely or throws.</summary>
    public void Decode(Span<int> destination)
    {
        int written = 0;
        while (written < destination.Length)
        {
            if (_rleRemaining > 0)
            {
                int take = (int)Math.Min(_rleRemaining, destination.Length - written);
                destination.Slice(written, take).Fill(_rleValue);
                written += take;
                _rleRemaining -= take;
            }
            else if (_packedRemaining > 0)
            {
                int take = (int)Math.Min(_packedRemaining, destination.Length - written);
                UnpackInto(destination.Slice(written, take));
                written += take;
                _packedRemaining -= take;
            }
            else
            {
                ReadRunHeader();
            }
        }
    }

    private void ReadRunHeader()
    {
        ulong header = ReadVarUInt();
        if ((header & 1) == 0)
        {
            _rleRemaining = (long)(header >> 1);
            if (_rleRemaining == 0 || _rleRemaining > int.MaxValue)
            {
                throw new ParquetFormatException("RLE run has an invalid length.");
            }

            if (_position + _byteWidth > _data.Length)
            {
                throw new ParquetFormatException("RLE run value lies past the end of the data.");
            }

            int value = 0;
            for (int b = 0; b < _byteWidth; b++)
            {
                value |= _data[_position + b] << (8 * b);
            }

            _position += _byteWidth;
            if (_bitWidth < 32 && (uint)value >= 1u << _bitWidth)
            {
                throw new ParquetFormatException("RLE run value does not fit its bit width.");
            }

            _rleValue = value;
        }
        else
        {
            ulong groups = header >> 1;
            long bytes = (long)groups * _bitWidth;
            if (groups == 0 || groups > int.MaxValue / 8 || _position + bytes > _data.Length)
            {
                throw new ParquetFormatException("Bit-packed run lies past the end of the data.");
            }

            _packedRemaining = (long)groups * 8;
            _packedBitOffset = _position * 8;
            _position += (int)bytes;
        }
    }

    private void UnpackInto(Span<int> destination)
    {
        if (_bitWidth == 0)
        {
            destination.Clear();
            return;
        }

        ulong mask = (1UL << _bitWidth) - 1;
        int bitOffset = _packedBitOffset;
        for (int i = 0; i < destination.Length; i++)
        {
            int byteIndex = bitOffset >> 3;
            ulong word;
            if (byteIndex + 8 <= _data.Length)
            {
                word = BinaryPrimitives.ReadUInt64LittleEndian(_data[byteIndex..]);
            }
            else
            {
                word = 0;
                for (int b = 0; byteIndex + b < _data.Length; b++)
                {
                    word |= (ulong)_data[byteIndex + b] << (8 * b);
                }
            }

            destination[i] = (int)((word >> (bitOffset & 7)) & mask);
            bitOffset += _bitWidth;
        }

        _packedBitOffset = bitOffset;
    }

    private ulong ReadVarUInt()
    {
        ulong result = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (_position >= _data.Length)
            {
                throw new ParquetFormatException("RLE data ends inside a run header.");
            }

            byte b = _data[_position++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }

        throw new ParquetFormatException("RLE run header varint is too long.");
    }
}
