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
/// metadata. Subclasses buffer one page of values on the caller's thread, then hand a snapshot of
/// it to <see cref="Schedule"/>: pages of one column are encoded and compressed in order on a
/// background chain, while other columns' chains use the other cores. The bytes written do not
/// depend on the scheduling.
/// </summary>
internal abstract class ColumnWriter
{
    /// <summary>Pages a column may have waiting for encoding before the caller blocks (bounds memory).</summary>
    private const int MaxPagesInFlight = 3;

    // Small first buffers that grow on demand: a run writes a few dozen columns, most of them a few KiB.
    private readonly ByteBuffer _chunk = new(4 * 1024);
    private readonly ByteBuffer _pageBody = new(4 * 1024);
    private readonly ByteBuffer _compressed = new(4 * 1024);
    private readonly ByteBuffer _header = new(64);
    private readonly Dictionary<(PageType, ParquetEncoding), int> _encodingStats = [];
    private int[] _definitionLevels = [];
    private int[] _repetitionLevels = [];
    private long _levelsInChunk;
    private long _uncompressedInChunk;
    private long _encodedBytes;
    private int _pagesInFlight;
    private Task _encoding = Task.CompletedTask;

    protected ColumnWriter(ColumnLayout layout, ParquetWriterOptions options)
    {
        Layout = layout;
        Options = options;
    }

    public ColumnLayout Layout { get; }

    protected ParquetWriterOptions Options { get; }

    protected int LevelCount { get; private set; }

    protected long NullCount { get; private set; }

    /// <summary>Bytes this column holds in memory for the open row group (encoded pages, pages in flight, the open page).</summary>
    public long BufferedBytes =>
        Volatile.Read(ref _encodedBytes) + PendingPageBytes + ((long)Volatile.Read(ref _pagesInFlight) * Options.PageSizeBytes);

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

    /// <summary>Moves the open page's levels into a snapshot (pooled arrays) and starts a new page.</summary>
    protected PageLevels TakeLevels()
    {
        int count = LevelCount;
        int[]? definitions = null, repetitions = null;
        if (HasDefinitionLevels)
        {
            definitions = ArrayPool<int>.Shared.Rent(Math.Max(1, count));
            _definitionLevels.AsSpan(0, count).CopyTo(definitions);
            if (Layout.MaxRepetitionLevel > 0)
            {
                repetitions = ArrayPool<int>.Shared.Rent(Math.Max(1, count));
                _repetitionLevels.AsSpan(0, count).CopyTo(repetitions);
            }
        }

        _levelsInChunk += count;
        LevelCount = 0;
        return new PageLevels(count, definitions, repetitions);
    }

    /// <summary>Runs <paramref name="encode"/> after this column's earlier pages (in the background unless disabled).</summary>
    protected void Schedule(Action encode)
    {
        if (!Options.ParallelEncoding)
        {
            encode();
            return;
        }

        if (Volatile.Read(ref _pagesInFlight) >= MaxPagesInFlight)
        {
            _encoding.GetAwaiter().GetResult();
        }

        Interlocked.Increment(ref _pagesInFlight);
        _encoding = _encoding.ContinueWith(
            previous =>
            {
                try
                {
                    previous.GetAwaiter().GetResult(); // a failed page fails every later one
                    encode();
                }
                finally
                {
                    Interlocked.Decrement(ref _pagesInFlight);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.None,
            TaskScheduler.Default);
    }

    /// <summary>Starts a page body with the snapshot's level sections; the caller then appends the encoded values.</summary>
    protected ByteBuffer BeginPageBody(in PageLevels levels)
    {
        _pageBody.Clear();
        if (levels.Repetitions is { } repetitions)
        {
            WriteLevels(repetitions.AsSpan(0, levels.Count), Layout.MaxRepetitionLevel);
        }

        if (levels.Definitions is { } definitions)
        {
            WriteLevels(definitions.AsSpan(0, levels.Count), Layout.MaxDefinitionLevel);
        }

        return _pageBody;
    }

    /// <summary>Compresses the page body built since <see cref="BeginPageBody"/>, appends it to the chunk and releases the snapshot.</summary>
    protected void FinishDataPage(in PageLevels levels, ParquetEncoding encoding)
    {
        var header = new PageHeader
        {
            Type = PageType.DataPage,
            DataPageHeader = new DataPageHeader
            {
                NumValues = levels.Count,
                Encoding = encoding,
                DefinitionLevelEncoding = ParquetEncoding.Rle,
                RepetitionLevelEncoding = ParquetEncoding.Rle,
            },
        };
        AppendPage(header, _pageBody.WrittenSpan, _chunk);
        Volatile.Write(ref _encodedBytes, _chunk.Length);
        levels.Release();
    }

    /// <summary>Flushes the open page if it has values.</summary>
    public void FlushPage()
    {
        if (LevelCount > 0)
        {
            WritePendingPage();
        }
    }

    /// <summary>Snapshots the open page and schedules its encoding.</summary>
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
        _encoding.GetAwaiter().GetResult();
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
        Volatile.Write(ref _encodedBytes, 0);
        _encodingStats.Clear();
        _levelsInChunk = 0;
        _uncompressedInChunk = 0;
        NullCount = 0;
        ResetForNextChunk();
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
