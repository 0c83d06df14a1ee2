namespace ResistanceSim.Parquet;

/// <summary>Page compression codecs (parquet.thrift <c>CompressionCodec</c>). The writer supports
/// Uncompressed, Snappy and Gzip; the reader also names the others so it can report them.</summary>
public enum ParquetCompression
{
    Uncompressed = 0,
    Snappy = 1,
    Gzip = 2,
    Lzo = 3,
    Brotli = 4,
    Lz4 = 5,
    Zstd = 6,
    Lz4Raw = 7,
}
