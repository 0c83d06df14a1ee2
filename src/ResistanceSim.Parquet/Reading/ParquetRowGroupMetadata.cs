namespace ResistanceSim.Parquet;

/// <summary>Footer facts about one row group.</summary>
public sealed class ParquetRowGroupMetadata
{
    internal ParquetRowGroupMetadata(long rowCount, long compressedSize, IReadOnlyList<ParquetColumnChunkMetadata> columns)
    {
        RowCount = rowCount;
        CompressedSize = compressedSize;
        Columns = columns;
    }

    public long RowCount { get; }

    public long CompressedSize { get; }

    /// <summary>One entry per schema column (for list columns: the element leaf).</summary>
    public IReadOnlyList<ParquetColumnChunkMetadata> Columns { get; }
}

/// <summary>Footer facts about one column chunk.</summary>
public sealed class ParquetColumnChunkMetadata
{
    internal ParquetColumnChunkMetadata(Format.ColumnMetaData meta, ParquetColumn column)
    {
        Path = meta.PathInSchema;
        PhysicalType = meta.Type;
        Compression = meta.Codec;
        Encodings = meta.Encodings;
        ValueCount = meta.NumValues;
        CompressedSize = meta.TotalCompressedSize;
        UncompressedSize = meta.TotalUncompressedSize;
        HasDictionaryPage = meta.DictionaryPageOffset is > 0;
        Statistics = meta.Statistics is { } raw && column.IsSupported ? new ParquetStatistics(raw, column) : null;
    }

    public IReadOnlyList<string> Path { get; }

    public ParquetPhysicalType PhysicalType { get; }

    public ParquetCompression Compression { get; }

    public IReadOnlyList<ParquetEncoding> Encodings { get; }

    /// <summary>Number of leaf slots (rows for flat columns; elements plus null/empty lists for list columns).</summary>
    public long ValueCount { get; }

    public long CompressedSize { get; }

    public long UncompressedSize { get; }

    public bool HasDictionaryPage { get; }

    public ParquetStatistics? Statistics { get; }
}
