namespace ResistanceSim.Parquet;

/// <summary>Bit width of a signed integer logical type, INT(bits, true) in parquet.thrift.</summary>
public enum IntWidth
{
    Int8 = 8,
    Int16 = 16,
    Int32 = 32,
    Int64 = 64,
}
