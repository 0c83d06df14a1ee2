namespace ResistanceSim.Parquet;

/// <summary>
/// The bytes are not a Parquet file this library can read: bad magic, truncated footer, corrupt
/// Thrift metadata, lengths outside the file, malformed pages, or an unsupported feature.
/// Every failure to decode input surfaces as this type, never as an index or memory error.
/// </summary>
public sealed class ParquetFormatException : Exception
{
    public ParquetFormatException()
    {
    }

    public ParquetFormatException(string message)
        : base(message)
    {
    }

    public ParquetFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
