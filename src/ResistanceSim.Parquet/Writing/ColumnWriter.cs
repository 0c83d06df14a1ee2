using System.Buffers;
using ResistanceSim.Parquet.Compression;
using ResistanceSim.Parquet.Encodings;
using ResistanceSim.Parquet.Format;
using ResistanceSim.Parquet.IO;
using ResistanceSim.Parquet.Thrift;

namespace ResistanceSim.Parquet.Writing;

/// <summary>
/// Shared machinery of a column chunk writer: definition/repetition levels, data page assembly
/// (v1 layout: repetition levels, definition levels, values), compression, and the chunk's
/// metadata. Subclasses buffer one page of values and encode it.
/// </summary>
internal abstract class ColumnWriter
{
    private readonly ByteBuffer _chunk = new(64 * 1024);
    private readonly ByteBuffer _pageBody = new(64 * 1024);
    private readonly ByteBuffer _compressed = new(64 * 1024);
    private readonly ByteBuffer _header = new(64);
    private readonly Dictionary<(PageType, ParquetEncoding), int> _encodingStats = [];

    // Data pages being compressed on the thread pool, in page order (bounded, so memory stays bounded).
    private readonly Queue<Task<EncodedPage>> _pending = new();
    private int[] _definitionLevels = [];
    private int[] _repetitionLevels = [];
    private long _levelsInChunk;
    private long _uncompressedInChunk;

    protected ColumnWriter(ColumnLayout layout, ParquetWriterOptions options)
    {
        Layout = layout;
        Options = options;
    }

    public ColumnLayout Layout { get; }

    protected ParquetWriterOptions Options { get; }

    protected int LevelCount { get; private set; }

    protected long NullCount { get; private set; }

    /// <summary>Bytes this column holds in memory for the open row group (encoded pages plus the open page).</summary>
    public long BufferedBytes => _chunk.Length + PendingPageBytes + ((long)_pending.Count * Options.PageSizeBytes);

    protected abstract long PendingPageBytes { get; }

    protected bool HasDefinitionLevels => Layout.MaxDefinitionLevel > 0;

    protected void AddLevels(int definition, int repetition)
    {
        if (HasDefinitionLevels)
        {
            EnsureLevelCapacity(LevelCount + 1);
            _definitionLevels[LevelCount] = definition;
            if (Layout.MaxRepetitionLevel > 0)
            {
                _repetitionLevels[LevelCount] = repetition;
            }

            if (definition < Layout.MaxDefinitionLevel)
            {
                NullCount++;
            }
        }

        LevelCount++;
    }

    /// <summary>Adds <paramref name="count"/> present, non-repeated values' levels.</summary>
    protected void AddPresentLevels(int count)
    {
        if (HasDefinitionLevels)
        {
            EnsureLevelCapacity(LevelCount + count);
            _definitionLevels.AsSpan(LevelCount, count).Fill(Layout.MaxDefinitionLevel);
        }

        LevelCount += count;
    }

    /// <summary>Starts a page body with its level sections; the subclass then appends the encoded values.</summary>
    protected ByteBuffer BeginPageBody()
    {
        _pageBody.Clear();
        if (Layout.MaxRepetitionLevel > 0)
        {
            WriteLevels(_repetitionLevels.AsSpan(0, LevelCount), Layout.MaxRepetitionLevel);
        }

        if (HasDefinitionLevels)
        {
            WriteLevels(_definitionLevels.AsSpan(0, LevelCount), Layout.MaxDefinitionLevel);
        }

        return _pageBody;
    }

    /// <summary>Compresses the page body built since <see cref="BeginPageBody"/> and appends it to the chunk.</summary>
    protected void FinishDataPage(ParquetEncoding encoding)
    {
        var header = new PageHeader
        {
            Type = PageType.DataPage,
            DataPageHeader = new DataPageHeader
            {
                NumValues = LevelCount,
                Encoding = encoding,
                DefinitionLevelEncoding = ParquetEncoding.Rle,
                RepetitionLevelEncoding = ParquetEncoding.Rle,
            },
        };
        if (Options.ParallelCompression && Options.Compression != ParquetCompression.Uncompressed)
        {
            // Compression is the costliest step: overlap it with encoding the next pages on another core.
            int length = _pageBody.Length;
            byte[] body = ArrayPool<byte>.Shared.Rent(Math.Max(1, length));
            _pageBody.WrittenSpan.CopyTo(body);
            ParquetCompression codec = Options.Compression;
            _pending.Enqueue(Task.Run(() => EncodePage(header, body, length, codec)));
            while (_pending.Count > MaxPendingPages)
            {
                AppendPending(_pending.Dequeue());
            }
        }
        else
        {
            AppendPage(header, _pageBody.WrittenSpan, _chunk);
        }

        _levelsInChunk += LevelCount;
        LevelCount = 0;
    }

    /// <summary>Flushes the open page if it has values.</summary>
    public void FlushPage()
    {
        if (LevelCount > 0)
        {
            WritePendingPage();
        }
    }

    protected abstract void WritePendingPage();

    /// <summary>PLAIN-encoded dictionary entries, or empty when no page of this chunk used the dictionary.</summary>
    protected abstract (ReadOnlyMemory<byte> PlainValues, int Count) DictionaryPage { get; }

    protected abstract Format.Statistics BuildStatistics(long nullCount);

    /// <summary>Clears type-specific state (dictionary, statistics) for the next row group.</summary>
    protected abstract void ResetForNextChunk();

    /// <summary>Writes the finished column chunk (dictionary page first) and returns its metadata.</summary>
    public ColumnChunk WriteChunk(Stream output, ref long position)
    {
        FlushPage();
        while (_pending.Count > 0)
        {
            AppendPending(_pending.Dequeue());
        }

        long chunkStart = position;
        long? dictionaryOffset = null;
        (ReadOnlyMemory<byte> dictionaryValues, int dictionaryCount) = DictionaryPage;
        if (dictionaryCount > 0)
        {
            var header = new PageHeader
            {
                Type = PageType.DictionaryPage,
                DictionaryPageHeader = new DictionaryPageHeader { NumValues = dictionaryCount, Encoding = ParquetEncoding.Plain },
            };
            _pageBody.Clear();
            AppendPage(header, dictionaryValues.Span, _pageBody);
            output.Write(_pageBody.WrittenSpan);
            dictionaryOffset = position;
            position += _pageBody.Length;
        }

        long dataPageOffset = position;
        output.Write(_chunk.WrittenSpan);
        position += _chunk.Length;

        var meta = new ColumnMetaData
        {
            Type = Layout.Column.PhysicalType,
            Codec = Options.Compression,
            NumValues = _levelsInChunk,
            TotalUncompressedSize = _uncompressedInChunk,
            TotalCompressedSize = position - chunkStart,
            DataPageOffset = dataPageOffset,
            DictionaryPageOffset = dictionaryOffset,
            Statistics = BuildStatistics(NullCount),
        };
        meta.PathInSchema.AddRange(Layout.LeafPath);
        meta.Encodings.AddRange(_encodingStats.Keys.Select(key => key.Item2).Append(ParquetEncoding.Rle).Distinct().Order());
        foreach (((PageType pageType, ParquetEncoding encoding), int count) in _encodingStats)
        {
            meta.EncodingStats.Add(new PageEncodingStats { PageType = pageType, Encoding = encoding, Count = count });
        }

        ResetChunkState();
        return new ColumnChunk { FileOffset = chunkStart, MetaData = meta };
    }

    private void ResetChunkState()
    {
        _chunk.ClearAndShrink(Math.Min(Options.PageSizeBytes * 4, 16 * 1024 * 1024));
        _encodingStats.Clear();
        _levelsInChunk = 0;
        _uncompressedInChunk = 0;
        NullCount = 0;
        ResetForNextChunk();
    }

    private const int MaxPendingPages = 4;

    private readonly record struct EncodedPage(byte[] Header, byte[] Payload, int PayloadLength, int UncompressedSize, ParquetEncoding Encoding);

    private static EncodedPage EncodePage(PageHeader header, byte[] body, int length, ParquetCompression codec)
    {
        try
        {
            byte[] payload = PageCompressor.CompressToArray(codec, body.AsSpan(0, length), out int payloadLength);
            header.UncompressedPageSize = length;
            header.CompressedPageSize = payloadLength;
            var headerBytes = new ByteBuffer(64);
            MetadataWriter.Write(new ThriftCompactWriter(headerBytes), header);
            return new EncodedPage(headerBytes.WrittenSpan.ToArray(), payload, payloadLength, headerBytes.Length + length, header.DataPageHeader!.Encoding);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(body);
        }
    }

    private void AppendPending(Task<EncodedPage> task)
    {
        EncodedPage page = task.GetAwaiter().GetResult();
        _chunk.Write(page.Header);
        _chunk.Write(page.Payload.AsSpan(0, page.PayloadLength));
        _encodingStats[(PageType.DataPage, page.Encoding)] = _encodingStats.GetValueOrDefault((PageType.DataPage, page.Encoding)) + 1;
        _uncompressedInChunk += page.UncompressedSize;
    }

    private void AppendPage(PageHeader header, ReadOnlySpan<byte> body, ByteBuffer destination)
    {
        ReadOnlySpan<byte> payload = body;
        if (Options.Compression != ParquetCompression.Uncompressed)
        {
            _compressed.Clear();
            PageCompressor.Compress(Options.Compression, body, _compressed);
            payload = _compressed.WrittenSpan;
        }

        header.UncompressedPageSize = body.Length;
        header.CompressedPageSize = payload.Length;
        _header.Clear();
        MetadataWriter.Write(new ThriftCompactWriter(_header), header);
        destination.Write(_header.WrittenSpan);
        destination.Write(payload);

        ParquetEncoding encoding = header.DataPageHeader?.Encoding ?? header.DictionaryPageHeader!.Encoding;
        _encodingStats[(header.Type, encoding)] = _encodingStats.GetValueOrDefault((header.Type, encoding)) + 1;
        _uncompressedInChunk += _header.Length + body.Length;
    }

    private void WriteLevels(ReadOnlySpan<int> levels, int maxLevel)
    {
        // v1 data pages prefix each RLE level section with its byte length.
        int lengthPosition = _pageBody.Length;
        _pageBody.WriteInt32LittleEndian(0);
        RleBitPackedEncoder.Encode(levels, RleBitPackedEncoder.BitWidth(maxLevel), _pageBody);
        _pageBody.WriteInt32LittleEndianAt(lengthPosition, _pageBody.Length - lengthPosition - 4);
    }

    private void EnsureLevelCapacity(int needed)
    {
        if (needed <= _definitionLevels.Length)
        {
            return;
        }

        int size = Math.Max(needed, Math.Max(1024, _definitionLevels.Length * 2));
        Array.Resize(ref _definitionLevels, size);
        if (Layout.MaxRepetitionLevel > 0)
        {
            Array.Resize(ref _repetitionLevels, size);
        }
    }
}
