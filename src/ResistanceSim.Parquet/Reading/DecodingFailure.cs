namespace ResistanceSim.Parquet.Reading;

/// <summary>
/// Decoders check every length they read; the reader's boundaries use this as the last line of
/// defence, so that an unforeseen inconsistency in untrusted bytes still surfaces as a
/// <see cref="ParquetFormatException"/> rather than an index or cast error.
/// </summary>
internal static class DecodingFailure
{
    public static bool Is(Exception e) =>
        e is IndexOutOfRangeException or ArgumentException or OverflowException or InvalidCastException or EndOfStreamException or InvalidDataException;

    /// <summary>A format error at <paramref name="offset"/>: the exception itself if it already names one, otherwise one that does.</summary>
    public static ParquetFormatException At(Exception e, long offset) => e switch
    {
        ParquetFormatException { Offset: not null } located => located,
        ParquetFormatException unlocated => new ParquetFormatException(unlocated.Reason, offset, unlocated.InnerException),
        _ => new ParquetFormatException(e.Message, offset, e),
    };
}
