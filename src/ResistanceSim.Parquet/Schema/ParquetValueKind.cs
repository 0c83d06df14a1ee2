namespace ResistanceSim.Parquet;

/// <summary>The .NET type a column's values are read and written as.</summary>
public enum ParquetValueKind
{
    /// <summary><see cref="bool"/> (BOOLEAN).</summary>
    Boolean,

    /// <summary><see cref="int"/> (INT32, any integer annotation up to 32 bits, DATE).</summary>
    Int32,

    /// <summary><see cref="long"/> (INT64).</summary>
    Int64,

    /// <summary><see cref="float"/> (FLOAT).</summary>
    Float,

    /// <summary><see cref="double"/> (DOUBLE).</summary>
    Double,

    /// <summary><see cref="string"/> (BYTE_ARRAY annotated STRING, ENUM or JSON; UTF-8).</summary>
    String,

    /// <summary><see cref="T:byte[]"/> (other BYTE_ARRAY, FIXED_LEN_BYTE_ARRAY, INT96).</summary>
    Bytes,
}
