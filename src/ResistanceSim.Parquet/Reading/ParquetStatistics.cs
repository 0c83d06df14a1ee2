using System.Buffers.Binary;
using System.Text;

namespace ResistanceSim.Parquet;

/// <summary>Column chunk statistics from the footer. <see cref="Min"/>/<see cref="Max"/> are decoded to the column's .NET type.</summary>
public sealed class ParquetStatistics
{
    internal ParquetStatistics(Format.Statistics raw, ParquetColumn column)
    {
        NullCount = raw.NullCount;
        DistinctCount = raw.DistinctCount;
        // The legacy min/max fields use signed byte order, which is wrong for strings; trust them only for numbers.
        bool legacyUsable = column.ValueKind is not (ParquetValueKind.String or ParquetValueKind.Bytes);
        MinBytes = raw.MinValue ?? (legacyUsable ? raw.Min : null);
        MaxBytes = raw.MaxValue ?? (legacyUsable ? raw.Max : null);
        IsMinExact = raw.IsMinValueExact ?? true;
        IsMaxExact = raw.IsMaxValueExact ?? true;
        Min = Decode(MinBytes, column);
        Max = Decode(MaxBytes, column);
    }

    public long? NullCount { get; }

    public long? DistinctCount { get; }

    public byte[]? MinBytes { get; }

    public byte[]? MaxBytes { get; }

    public bool IsMinExact { get; }

    public bool IsMaxExact { get; }

    /// <summary>Lower bound of the non-null values (bool, int, long, float, double, string or byte[]), or null.</summary>
    public object? Min { get; }

    public object? Max { get; }

    private static object? Decode(byte[]? bytes, ParquetColumn column)
    {
        if (bytes is null)
        {
            return null;
        }

        return column.ValueKind switch
        {
            ParquetValueKind.Boolean when bytes.Length >= 1 => bytes[0] != 0,
            ParquetValueKind.Int32 when bytes.Length >= 4 => BinaryPrimitives.ReadInt32LittleEndian(bytes),
            ParquetValueKind.Int64 when bytes.Length >= 8 => BinaryPrimitives.ReadInt64LittleEndian(bytes),
            ParquetValueKind.Float when bytes.Length >= 4 => BinaryPrimitives.ReadSingleLittleEndian(bytes),
            ParquetValueKind.Double when bytes.Length >= 8 => BinaryPrimitives.ReadDoubleLittleEndian(bytes),
            ParquetValueKind.String => Encoding.UTF8.GetString(bytes),
            ParquetValueKind.Bytes => bytes,
            _ => null,
        };
    }
}
