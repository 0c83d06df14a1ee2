namespace ResistanceSim.Parquet;

/// <summary>Physical storage types (parquet.thrift <c>Type</c>; values are the Thrift enum values).</summary>
public enum ParquetPhysicalType
{
    Boolean = 0,
    Int32 = 1,
    Int64 = 2,
    Int96 = 3,
    Float = 4,
    Double = 5,
    ByteArray = 6,
    FixedLenByteArray = 7,
}
