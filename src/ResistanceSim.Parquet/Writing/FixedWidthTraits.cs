using System.Buffers.Binary;

namespace ResistanceSim.Parquet.Writing;

/// <summary>
/// What the writer needs to know about a fixed-width physical type: its dictionary key, its
/// statistics sort order (signed integers; IEEE floats with NaN excluded) and its PLAIN bytes.
/// Implemented by structs so the generic writer is specialised per type with no virtual calls.
/// </summary>
internal interface IFixedWidthTraits<T>
    where T : unmanaged
{
    static abstract ParquetPhysicalType PhysicalType { get; }

    /// <summary>True when some values (NaN) are unordered, so SIMD min/max cannot be used.</summary>
    static abstract bool HasUnorderedValues { get; }

    /// <summary>Bit pattern used as dictionary key (distinguishes -0.0 from 0.0 and NaN payloads, so round trips are exact).</summary>
    static abstract ulong Key(T value);

    static abstract bool IsLess(T left, T right);

    /// <summary>Values left out of min/max statistics (NaN, per the parquet.thrift ColumnOrder notes).</summary>
    static abstract bool IsExcludedFromStatistics(T value);

    static abstract byte[] StatisticsBytes(T value, bool isMin);
}

internal readonly struct Int32Traits : IFixedWidthTraits<int>
{
    public static ParquetPhysicalType PhysicalType => ParquetPhysicalType.Int32;

    public static bool HasUnorderedValues => false;

    public static ulong Key(int value) => (uint)value;

    public static bool IsLess(int left, int right) => left < right;

    public static bool IsExcludedFromStatistics(int value) => false;

    public static byte[] StatisticsBytes(int value, bool isMin)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        return bytes;
    }
}

internal readonly struct Int64Traits : IFixedWidthTraits<long>
{
    public static ParquetPhysicalType PhysicalType => ParquetPhysicalType.Int64;

    public static bool HasUnorderedValues => false;

    public static ulong Key(long value) => (ulong)value;

    public static bool IsLess(long left, long right) => left < right;

    public static bool IsExcludedFromStatistics(long value) => false;

    public static byte[] StatisticsBytes(long value, bool isMin)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        return bytes;
    }
}

internal readonly struct FloatTraits : IFixedWidthTraits<float>
{
    public static ParquetPhysicalType PhysicalType => ParquetPhysicalType.Float;

    public static bool HasUnorderedValues => true;

    public static ulong Key(float value) => BitConverter.SingleToUInt32Bits(value);

    public static bool IsLess(float left, float right) => left < right;

    public static bool IsExcludedFromStatistics(float value) => float.IsNaN(value);

    public static byte[] StatisticsBytes(float value, bool isMin)
    {
        // parquet.thrift: a zero min is written as -0.0 and a zero max as +0.0.
        if (value == 0)
        {
            value = isMin ? -0.0f : 0.0f;
        }

        var bytes = new byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(bytes, value);
        return bytes;
    }
}

internal readonly struct DoubleTraits : IFixedWidthTraits<double>
{
    public static ParquetPhysicalType PhysicalType => ParquetPhysicalType.Double;

    public static bool HasUnorderedValues => true;

    public static ulong Key(double value) => BitConverter.DoubleToUInt64Bits(value);

    public static bool IsLess(double left, double right) => left < right;

    public static bool IsExcludedFromStatistics(double value) => double.IsNaN(value);

    public static byte[] StatisticsBytes(double value, bool isMin)
    {
        if (value == 0)
        {
            value = isMin ? -0.0 : 0.0;
        }

        var bytes = new byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(bytes, value);
        return bytes;
    }
}
