using System.Buffers.Binary;
using System.Text;

namespace ResistanceSim.Parquet.Thrift;

/// <summary>
/// Thrift compact-protocol decoder over an in-memory range. Every length and count is checked
/// against the bytes that remain and nesting depth is capped, so garbage input ends in a
/// <see cref="ParquetFormatException"/> rather than a huge allocation, overflow or hang.
/// </summary>
internal sealed class ThriftCompactReader
{
    private const int MaxNestingDepth = 64;

    private readonly byte[] _data;
    private readonly int _end;
    private readonly long _fileOffsetOfData;
    private readonly Stack<short> _fieldIdStack = new();
    private short _lastFieldId;
    private byte _pendingBoolType;

    /// <param name="fileOffsetOfData">The file position of <paramref name="data"/>[0], so that errors name file offsets.</param>
    public ThriftCompactReader(byte[] data, int offset, int length, long fileOffsetOfData)
    {
        _data = data;
        _fileOffsetOfData = fileOffsetOfData;
        if (offset < 0 || length < 0 || (long)offset + length > data.Length)
        {
            throw Corrupt("Thrift range lies outside the buffer.");
        }

        Position = offset;
        _end = offset + length;
    }

    public int Position { get; private set; }

    private int Remaining => _end - Position;

    public void BeginStruct()
    {
        if (_fieldIdStack.Count >= MaxNestingDepth)
        {
            throw Corrupt("Thrift metadata is nested too deeply.");
        }

        _fieldIdStack.Push(_lastFieldId);
        _lastFieldId = 0;
    }

    public void EndStruct() => _lastFieldId = _fieldIdStack.Pop();

    /// <summary>Reads the next field header; false at the struct's STOP byte.</summary>
    public bool ReadFieldHeader(out short fieldId, out byte type)
    {
        byte header = ReadRawByte();
        type = (byte)(header & 0x0F);
        if (type == CompactType.Stop)
        {
            fieldId = 0;
            return false;
        }

        int delta = header >> 4;
        int id = delta != 0 ? _lastFieldId + delta : ReadI16();
        if (id is <= 0 or > short.MaxValue)
        {
            throw Corrupt($"Invalid Thrift field id {id}.");
        }

        fieldId = (short)id;
        _lastFieldId = fieldId;
        if (type is CompactType.BooleanTrue or CompactType.BooleanFalse)
        {
            _pendingBoolType = type;
        }

        return true;
    }

    /// <summary>
    /// Reads the next field header whose wire type matches <paramref name="declaredTypes"/>[id] (bool
    /// declared as <see cref="CompactType.BooleanTrue"/> matches either bool type); skips every field
    /// with an undeclared id or another wire type, as the Thrift specification requires. False at STOP.
    /// </summary>
    public bool ReadDeclaredField(ReadOnlySpan<byte> declaredTypes, out short fieldId, out byte type)
    {
        while (ReadFieldHeader(out fieldId, out type))
        {
            byte declared = fieldId < declaredTypes.Length ? declaredTypes[fieldId] : CompactType.Stop;
            bool matches = declared == CompactType.BooleanTrue
                ? type is CompactType.BooleanTrue or CompactType.BooleanFalse
                : declared != CompactType.Stop && type == declared;
            if (matches)
            {
                return true;
            }

            Skip(type);
        }

        return false;
    }

    /// <summary>The value of a bool field (carried in its header type).</summary>
    public bool ReadBoolFieldValue() => _pendingBoolType == CompactType.BooleanTrue;

    public sbyte ReadByte() => (sbyte)ReadRawByte();

    public short ReadI16()
    {
        long value = ReadZigZag();
        if (value is < short.MinValue or > short.MaxValue)
        {
            throw Corrupt("Thrift i16 value out of range.");
        }

        return (short)value;
    }

    public int ReadI32()
    {
        long value = ReadZigZag();
        if (value is < int.MinValue or > int.MaxValue)
        {
            throw Corrupt("Thrift i32 value out of range.");
        }

        return (int)value;
    }

    public long ReadI64() => ReadZigZag();

    public double ReadDouble()
    {
        Require(8);
        double value = BinaryPrimitives.ReadDoubleLittleEndian(_data.AsSpan(Position, 8));
        Position += 8;
        return value;
    }

    public byte[] ReadBinary()
    {
        int length = ReadLength();
        byte[] bytes = _data.AsSpan(Position, length).ToArray();
        Position += length;
        return bytes;
    }

    public string ReadString()
    {
        int length = ReadLength();
        string text = Encoding.UTF8.GetString(_data, Position, length);
        Position += length;
        return text;
    }

    /// <summary>Reads a list header; the count is bounded by the bytes left (each element takes at least one byte).</summary>
    public int ReadListHeader(out byte elementType)
    {
        byte header = ReadRawByte();
        elementType = (byte)(header & 0x0F);
        int count = header >> 4;
        if (count == 15)
        {
            ulong size = ReadVarUInt64();
            if (size > (ulong)Remaining)
            {
                throw Corrupt($"Thrift list claims {size} elements but only {Remaining} bytes remain.");
            }

            count = (int)size;
        }

        return count;
    }

    /// <summary>A bool stored as a list element (one byte; 1 = true).</summary>
    public bool ReadBoolElement() => ReadRawByte() == CompactType.BooleanTrue;

    /// <summary>Skips a value of the given type, including nested structs and containers.</summary>
    public void Skip(byte type) => Skip(type, 0);

    /// <summary>Skips the elements of a list whose header has been read.</summary>
    public void SkipListElements(int count, byte elementType) => SkipListElements(count, elementType, 0);

    private void SkipListElements(int count, byte elementType, int depth)
    {
        for (int i = 0; i < count; i++)
        {
            if (elementType is CompactType.BooleanTrue or CompactType.BooleanFalse)
            {
                ReadRawByte(); // list bools are one byte each, not carried in a header
            }
            else
            {
                Skip(elementType, depth);
            }
        }
    }

    private void Skip(byte type, int depth)
    {
        if (depth > MaxNestingDepth)
        {
            throw Corrupt("Thrift metadata is nested too deeply.");
        }

        switch (type)
        {
            case CompactType.BooleanTrue:
            case CompactType.BooleanFalse:
                return; // value carried in the field header
            case CompactType.Byte:
                ReadRawByte();
                return;
            case CompactType.I16:
            case CompactType.I32:
            case CompactType.I64:
                ReadVarUInt64();
                return;
            case CompactType.Double:
                Require(8);
                Position += 8;
                return;
            case CompactType.Binary:
                {
                    // Not `Position += ReadLength()`: that reads Position before the length's own bytes are consumed.
                    int length = ReadLength();
                    Position += length;
                    return;
                }

            case CompactType.List:
            case CompactType.Set:
                {
                    int count = ReadListHeader(out byte elementType);
                    SkipListElements(count, elementType, depth + 1);
                    return;
                }

            case CompactType.Map:
                {
                    ulong count = ReadVarUInt64();
                    if (count == 0)
                    {
                        return;
                    }

                    if (count > (ulong)Remaining)
                    {
                        throw Corrupt("Thrift map size exceeds the remaining bytes.");
                    }

                    byte kinds = ReadRawByte();
                    for (ulong i = 0; i < count; i++)
                    {
                        Skip((byte)(kinds >> 4), depth + 1);
                        Skip((byte)(kinds & 0x0F), depth + 1);
                    }

                    return;
                }

            case CompactType.Struct:
                BeginStruct();
                while (ReadFieldHeader(out _, out byte fieldType))
                {
                    Skip(fieldType, depth + 1);
                }

                EndStruct();
                return;
            default:
                throw Corrupt($"Unknown Thrift compact type {type}.");
        }
    }

    private int ReadLength()
    {
        ulong length = ReadVarUInt64();
        if (length > (ulong)Remaining)
        {
            throw Corrupt($"Thrift binary length {length} exceeds the {Remaining} bytes remaining.");
        }

        return (int)length;
    }

    private long ReadZigZag()
    {
        ulong raw = ReadVarUInt64();
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }

    private ulong ReadVarUInt64()
    {
        ulong result = 0;
        for (int shift = 0; shift < 70; shift += 7)
        {
            byte b = ReadRawByte();
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }

        throw Corrupt("Thrift varint is longer than 10 bytes.");
    }

    private byte ReadRawByte()
    {
        Require(1);
        return _data[Position++];
    }

    private void Require(int count)
    {
        if (Remaining < count)
        {
            throw Corrupt("Thrift metadata ends unexpectedly (truncated or corrupt).");
        }
    }

    /// <summary>A format error located at the byte being decoded.</summary>
    private ParquetFormatException Corrupt(string reason) => new(reason, _fileOffsetOfData + Position);
}
