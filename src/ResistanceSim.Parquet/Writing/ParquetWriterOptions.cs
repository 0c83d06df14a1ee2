using System.Reflection;
using ResistanceSim.Parquet.Compression;

namespace ResistanceSim.Parquet;

/// <summary>Settings for <see cref="ParquetFileWriter"/>. The defaults suit analytical tables of millions of rows.</summary>
public sealed class ParquetWriterOptions
{
    public ParquetCompression Compression { get; set; } = ParquetCompression.Snappy;

    /// <summary>A row group is closed once it holds at least this many rows (checked after each batch).</summary>
    public int RowGroupRows { get; set; } = 1_000_000;

    /// <summary>…or once its buffered, encoded pages reach this many bytes. Bounds the writer's memory.</summary>
    public long RowGroupBytes { get; set; } = 128L * 1024 * 1024;

    /// <summary>Target size of one data page before compression.</summary>
    public int PageSizeBytes { get; set; } = 1024 * 1024;

    /// <summary>Encode and compress each column's pages on the thread pool while the caller appends more rows (the same bytes either way).</summary>
    public bool ParallelEncoding { get; set; } = true;

    /// <summary>Try dictionary encoding (RLE_DICTIONARY) for every non-boolean column; low-cardinality columns keep it.</summary>
    public bool EnableDictionary { get; set; } = true;

    /// <summary>A column chunk falls back to PLAIN once its dictionary exceeds this many bytes.</summary>
    public int DictionaryPageSizeLimit { get; set; } = 1024 * 1024;

    /// <summary>String min/max statistics longer than this (UTF-8 bytes) are truncated to a valid lower/upper bound.</summary>
    public int StatisticsTruncateLength { get; set; } = 64;

    /// <summary>File-level key/value metadata, written in insertion order.</summary>
    public IDictionary<string, string?> KeyValueMetadata { get; } = new Dictionary<string, string?>(StringComparer.Ordinal);

    public string CreatedBy { get; set; } = DefaultCreatedBy;

    internal static string DefaultCreatedBy { get; } =
        "ResistanceSim.Parquet version " + (typeof(ParquetWriterOptions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0");

    internal void Validate()
    {
        if (!PageCompressor.IsSupported(Compression))
        {
            throw new ArgumentException($"Compression {Compression} is not supported by the writer (use Uncompressed, Snappy or Gzip).");
        }

        if (RowGroupRows <= 0 || RowGroupBytes <= 0 || PageSizeBytes < 64 || DictionaryPageSizeLimit <= 0 || StatisticsTruncateLength < 8)
        {
            throw new ArgumentException("Writer options must be positive (page size at least 64 bytes, statistics truncation at least 8 bytes).");
        }
    }
}
