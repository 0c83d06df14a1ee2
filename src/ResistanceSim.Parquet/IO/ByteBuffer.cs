using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace ResistanceSim.Parquet.IO;

/// <summary>
/// A growable byte buffer that is reused between pages and row groups so that steady-state
/// writing allocates nothing per value.
/// </summary>
internal sealed class ByteBuffer
{
    private byte[] _data;

    public ByteBuffer(int initialCapacity = 256) => _data = new byte[Math.Max(16, initialCapacity)];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> WrittenSpan => _data.AsSpan(0, Length);

    public ReadOnlyMemory<byte> WrittenMemory => _data.AsMemory(0, Length);

    public int Capacity => _data.Length;

    public void Clear() => Length = 0;

    /// <summary>Drops the storage when it grew far beyond what is needed now (keeps memory bounded).</summary>
    public void ClearAndShrink(int keepCapacity)
    {
        Length = 0;
        if (_data.Length > keepCapacity * 2)
        {
            _data = new byte[Math.Max(16, keepCapacity)];
        }
    }

    public Span<byte> GetSpan(int sizeHint)
    {
        EnsureCapacity(sizeHint);
        return _data.AsSpan(Length);
    }

    public void Advance(int count) => Length += count;

    public void WriteByte(byte value)
    {
        EnsureCapacity(1);
        _data[Length++] = value;
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        EnsureCapacity(bytes.Length);
        bytes.CopyTo(_data.AsSpan(Length));
        Length += bytes.Length;
    }

    public void WriteValues<T>(ReadOnlySpan<T> values)
        where T : unmanaged => Write(MemoryMarshal.AsBytes(values));

    public void WriteInt32LittleEndian(int value)
    {
        EnsureCapacity(4);
        BinaryPrimitives.WriteInt32LittleEndian(_data.AsSpan(Length), value);
        Length += 4;
    }

    public void WriteInt32LittleEndianAt(int position, int value) =>
        BinaryPrimitives.WriteInt32LittleEndian(_data.AsSpan(position), value);

    public void WriteVarUInt64(ulong value)
    {
        EnsureCapacity(10);
        while (value >= 0x80)
        {
            _data[Length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        _data[Length++] = (byte)value;
    }

    private void EnsureCapacity(int extra)
    {
        long needed = (long)Length + extra;
        if (needed <= _data.Length)
        {
            return;
        }

        if (needed > Array.MaxLength)
        {
            throw new InvalidOperationException("Parquet buffer would exceed the maximum array size; use smaller pages or row groups.");
        }

        long newSize = Math.Max(needed, Math.Min((long)_data.Length * 2, Array.MaxLength));
        Array.Resize(ref _data, (int)newSize);
    }
}
