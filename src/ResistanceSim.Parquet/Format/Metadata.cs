namespace ResistanceSim.Parquet.Format;

// In-memory forms of the parquet.thrift structs this library reads and writes. Field comments
// give the Thrift field id; serialization lives in MetadataWriter / MetadataReader.

internal sealed class FileMetaData
{
    public int Version { get; set; } = 1;                                   // 1

    public List<SchemaElement> Schema { get; } = [];                         // 2

    public long NumRows { get; set; }                                        // 3

    public List<RowGroup> RowGroups { get; } = [];                           // 4

    public List<KeyValue> KeyValueMetadata { get; } = [];                    // 5

    public string? CreatedBy { get; set; }                                   // 6

    public int ColumnOrderCount { get; set; }                                // 7 (TYPE_ORDER for every leaf)
}

internal sealed class SchemaElement
{
    public ParquetPhysicalType? Type { get; set; }                           // 1

    public int? TypeLength { get; set; }                                     // 2

    public Repetition? RepetitionType { get; set; }                          // 3

    public string Name { get; set; } = "";                                   // 4

    public int? NumChildren { get; set; }                                    // 5

    public int? ConvertedType { get; set; }                                  // 6

    public int? Scale { get; set; }                                          // 7

    public int? Precision { get; set; }                                      // 8

    public int? FieldId { get; set; }                                        // 9

    public ParquetLogicalType? LogicalType { get; set; }                     // 10
}

internal sealed class RowGroup
{
    public List<ColumnChunk> Columns { get; } = [];                          // 1

    public long TotalByteSize { get; set; }                                  // 2

    public long NumRows { get; set; }                                        // 3

    public long? FileOffset { get; set; }                                    // 5

    public long? TotalCompressedSize { get; set; }                           // 6

    public short? Ordinal { get; set; }                                      // 7
}

internal sealed class ColumnChunk
{
    public string? FilePath { get; set; }                                    // 1

    public long FileOffset { get; set; }                                     // 2

    public ColumnMetaData? MetaData { get; set; }                            // 3
}

internal sealed class ColumnMetaData
{
    public ParquetPhysicalType Type { get; set; }                            // 1

    public List<ParquetEncoding> Encodings { get; } = [];                    // 2

    public List<string> PathInSchema { get; } = [];                          // 3

    public ParquetCompression Codec { get; set; }                            // 4

    public long NumValues { get; set; }                                      // 5

    public long TotalUncompressedSize { get; set; }                          // 6

    public long TotalCompressedSize { get; set; }                            // 7

    public long DataPageOffset { get; set; }                                 // 9

    public long? DictionaryPageOffset { get; set; }                          // 11

    public Statistics? Statistics { get; set; }                              // 12

    public List<PageEncodingStats> EncodingStats { get; } = [];              // 13
}

internal sealed class PageEncodingStats
{
    public PageType PageType { get; set; }                                   // 1

    public ParquetEncoding Encoding { get; set; }                            // 2

    public int Count { get; set; }                                           // 3
}

internal sealed class Statistics
{
    public byte[]? Max { get; set; }                                         // 1 (legacy, signed order)

    public byte[]? Min { get; set; }                                         // 2 (legacy, signed order)

    public long? NullCount { get; set; }                                     // 3

    public long? DistinctCount { get; set; }                                 // 4

    public byte[]? MaxValue { get; set; }                                    // 5

    public byte[]? MinValue { get; set; }                                    // 6

    public bool? IsMaxValueExact { get; set; }                               // 7

    public bool? IsMinValueExact { get; set; }                               // 8
}

internal sealed class KeyValue
{
    public string Key { get; set; } = "";                                    // 1

    public string? Value { get; set; }                                       // 2
}

internal sealed class PageHeader
{
    public PageType Type { get; set; }                                       // 1

    public int UncompressedPageSize { get; set; }                            // 2

    public int CompressedPageSize { get; set; }                              // 3

    public DataPageHeader? DataPageHeader { get; set; }                      // 5

    public DictionaryPageHeader? DictionaryPageHeader { get; set; }          // 7

    public DataPageHeaderV2? DataPageHeaderV2 { get; set; }                  // 8
}

internal sealed class DataPageHeader
{
    public int NumValues { get; set; }                                       // 1

    public ParquetEncoding Encoding { get; set; }                            // 2

    public ParquetEncoding DefinitionLevelEncoding { get; set; }             // 3

    public ParquetEncoding RepetitionLevelEncoding { get; set; }             // 4
}

internal sealed class DictionaryPageHeader
{
    public int NumValues { get; set; }                                       // 1

    public ParquetEncoding Encoding { get; set; }                            // 2
}

internal sealed class DataPageHeaderV2
{
    public int NumValues { get; set; }                                       // 1

    public int NumNulls { get; set; }                                        // 2

    public int NumRows { get; set; }                                         // 3

    public ParquetEncoding Encoding { get; set; }                            // 4

    public int DefinitionLevelsByteLength { get; set; }                      // 5

    public int RepetitionLevelsByteLength { get; set; }                      // 6

    public bool IsCompressed { get; set; } = true;                           // 7
}
