namespace ResistanceSim.Parquet;

/// <summary>
/// The bytes are not a Parquet file this library can read: bad magic, truncated footer, corrupt
/// Thrift metadata, lengths outside the file, malformed pages, or an unsupported feature.
/// Every failure to decode input surfaces as this type, never as an index or memory error.
/// When raised by <see cref="ParquetFileReader"/> it names the file (<see cref="FilePath"/>), the
/// column (<see cref="Column"/>; null for the footer) and the byte offset where the damaged structure
/// starts (<see cref="Offset"/>), and its one-line <see cref="Exception.Message"/> says all three.
/// </summary>
public sealed class ParquetFormatException : Exception
{
    /// <summary>Where <see cref="Column"/> is null: the failure is in the file's framing or footer metadata.</summary>
    public const string FooterLocation = "file metadata (footer)";

    public ParquetFormatException()
        : this("The Parquet data is corrupt.")
    {
    }

    public ParquetFormatException(string message)
        : this(message, innerException: null)
    {
    }

    public ParquetFormatException(string message, Exception? innerException)
        : base(OneLine(message), innerException)
    {
        Reason = OneLine(message);
    }

    /// <summary>A failure at a known byte offset of the file, not yet attributed to a file and column.</summary>
    internal ParquetFormatException(string message, long offset, Exception? innerException = null)
        : this(message, innerException)
    {
        Offset = offset;
    }

    private ParquetFormatException(ParquetFormatException cause, string filePath, string? column, int? rowGroup, long offset)
        : base(Describe(filePath, column, rowGroup, offset, cause.Reason), cause.InnerException ?? cause)
    {
        Reason = cause.Reason;
        FilePath = filePath;
        Column = column;
        RowGroup = rowGroup;
        Offset = offset;
    }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }

    /// <summary>The file's path, or the name given to the reader for a stream; null when not yet located.</summary>
    public string? FilePath { get; }

    /// <summary>The column whose data is damaged; null when the failure is in the footer or framing.</summary>
    public string? Column { get; }

    /// <summary>The row group of <see cref="Column"/>; null for the footer.</summary>
    public int? RowGroup { get; }

    /// <summary>Byte offset in the file of the damaged structure (the Thrift byte, page header or column chunk).</summary>
    public long? Offset { get; }

    /// <summary>
    /// This failure attributed to a file and column; an offset already known (a Thrift byte, a page)
    /// wins over <paramref name="fallbackOffset"/> (the enclosing chunk or footer).
    /// </summary>
    internal ParquetFormatException Locate(string filePath, string? column, int? rowGroup, long fallbackOffset) =>
        FilePath is not null ? this : new ParquetFormatException(this, filePath, column, rowGroup, Offset ?? fallbackOffset);

    private static string Describe(string filePath, string? column, int? rowGroup, long offset, string reason)
    {
        string where = (column, rowGroup) switch
        {
            (null, _) => FooterLocation,
            (_, null) => $"column '{OneLine(column)}'",
            _ => $"column '{OneLine(column)}' (row group {rowGroup})",
        };
        return $"{OneLine(filePath)}: {where}, byte offset {offset}: {reason}";
    }

    /// <summary>Messages are shown on one line; a newline in a name or a cause would split them.</summary>
    private static string OneLine(string text) =>
        text.Contains('\n', StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal)
            ? text.ReplaceLineEndings(" ")
            : text;
}
