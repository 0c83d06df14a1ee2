namespace ResistanceSim.Parquet;

/// <summary>Logical annotation kinds (parquet.thrift <c>LogicalType</c> union plus legacy converted types).</summary>
public enum ParquetLogicalKind
{
    None,
    String,
    Integer,
    Enum,
    Json,
    Bson,
    Date,
    Time,
    Timestamp,
    Decimal,
    Uuid,
    Float16,
    List,
    Map,
    Unknown,
    Other,
}

/// <summary>
/// How the physical values of a column are to be interpreted. For integers <see cref="BitWidth"/>
/// is 8, 16, 32 or 64; for time types <see cref="TimeUnit"/> is "MILLIS", "MICROS" or "NANOS".
/// </summary>
public sealed record ParquetLogicalType(
    ParquetLogicalKind Kind,
    int BitWidth = 0,
    bool IsSigned = true,
    int Scale = 0,
    int Precision = 0,
    string? TimeUnit = null,
    bool IsAdjustedToUtc = false)
{
    public static readonly ParquetLogicalType None = new(ParquetLogicalKind.None);

    public static readonly ParquetLogicalType String = new(ParquetLogicalKind.String);

    public static ParquetLogicalType Integer(int bitWidth, bool isSigned = true) => new(ParquetLogicalKind.Integer, bitWidth, isSigned);
}
