using System.Buffers.Binary;
using System.Text;
using ResistanceSim.Parquet.IO;

namespace ResistanceSim.Parquet.Thrift;

/// <summary>
/// Minimal Thrift compact-protocol encoder: just the field, list and struct forms Parquet's
/// metadata needs. Field ids are delta-encoded against the previous field of the same struct.
/// </summary>
internal sealed class ThriftCompactWriter
{
    private readonly ByteBuffer _output;
    private readonly Stack<short> _fieldIdStack = new();
    private short _lastFieldId;

    public ThriftCompactWriter(ByteBuffer output) => _output = output;

    public void BeginStructField(short fieldId)
    {
        WriteFieldHeader(fieldId, CompactType.Struct);
        BeginStruct();
    }

    /// <summary>Starts a struct that is a list element or the top-level message.</summary>
    public void BeginStruct()
    {
        _fieldIdStack.Push(_lastFieldId);
        _lastFieldId = 0;
    }

    public void EndStruct()
    {
        _output.WriteByte(CompactType.Stop);
        _lastFieldId = _fieldIdStack.Pop();
    }

    /// <summary>An empty struct field, as used by Parquet's union members such as StringType.</summary>
    public void WriteEmptyStructField(short fieldId)
    {
        BeginStructField(fieldId);
        EndStruct();
    }

    public void WriteBoolField(short fieldId, bool value) =>
        WriteFieldHeader(fieldId, value ? CompactType.BooleanTrue : CompactType.BooleanFalse);

    public void WriteByteField(short fieldId, sbyte value)
    {
        WriteFieldHeader(fieldId, CompactType.Byte);
        _output.WriteByte((byte)value);
    }

    public void WriteI16Field(short fieldId, short value)
    {
        WriteFieldHeader(fieldId, CompactType.I16);
        WriteI32(value);
    }

    public void WriteI32Field(short fieldId, int value)
    {
        WriteFieldHeader(fieldId, CompactType.I32);
        WriteI32(value);
    }

    public void WriteI64Field(short fieldId, long value)
    {
        WriteFieldHeader(fieldId, CompactType.I64);
        WriteI64(value);
    }

    public void WriteBinaryField(short fieldId, ReadOnlySpan<byte> value)
    {
        WriteFieldHeader(fieldId, CompactType.Binary);
        WriteBinary(value);
    }

    public void WriteStringField(short fieldId, string value)
    {
        WriteFieldHeader(fieldId, CompactType.Binary);
        WriteString(value);
    }

    public void BeginListField(short fieldId, byte elementType, int count)
    {
        WriteFieldHeader(fieldId, CompactType.List);
        WriteListHeader(elementType, count);
    }

    public void WriteI32(int value) => _output.WriteVarUInt64(ZigZag(value));

    public void WriteI64(long value) => _output.WriteVarUInt64(ZigZag(value));

    public void WriteBinary(ReadOnlySpan<byte> value)
    {
        _output.WriteVarUInt64((ulong)value.Length);
        _output.Write(value);
    }

    public void WriteString(string value)
    {
        int byteCount = Encoding.UTF8.GetByteCount(value);
        _output.WriteVarUInt64((ulong)byteCount);
        Span<byte> span = _output.GetSpan(byteCount);
        Encoding.UTF8.GetBytes(value, span);
        _output.Advance(byteCount);
    }

    public void WriteDouble(double value)
    {
        Span<byte> span = _output.GetSpan(8);
        BinaryPrimitives.WriteDoubleLittleEndian(span, value);
        _output.Advance(8);
    }

    private void WriteListHeader(byte elementType, int count)
    {
        if (count < 15)
        {
            _output.WriteByte((byte)((count << 4) | elementType));
        }
        else
        {
            _output.WriteByte((byte)(0xF0 | elementType));
            _output.WriteVarUInt64((ulong)count);
        }
    }

    private void WriteFieldHeader(short fieldId, byte type)
    {
        int delta = fieldId - _lastFieldId;
        if (delta is > 0 and <= 15)
        {
            _output.WriteByte((byte)((delta << 4) | type));
        }
        else
        {
            _output.WriteByte(type);
            _output.WriteVarUInt64(ZigZag(fieldId));
        }

        _lastFieldId = fieldId;
    }

    private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));
}
