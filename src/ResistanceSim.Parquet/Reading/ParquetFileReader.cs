using System.Buffers.Binary;
using ResistanceSim.Parquet.Format;
using ResistanceSim.Parquet.Reading;
using ResistanceSim.Parquet.Thrift;

namespace ResistanceSim.Parquet;

/// <summary>
/// Reads Parquet files from a seekable stream: schema, key/value metadata, row group and column
/// chunk metadata with statistics, and column values per row group. Malformed input raises
/// <see cref="ParquetFormatException"/> naming the file, the column (or the footer) and the byte
/// offset; every offset and length is checked against the file size.
/// </summary>
public sealed class ParquetFileReader : IDisposable
{
    private const int FooterTailLength = 8; // footer length (4) + "PAR1"
    private static readonly byte[] Magic = "PAR1"u8.ToArray();

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly FileMetaData _metadata;
    private readonly IReadOnlyList<ColumnLayout> _layouts;
    private readonly long _footerStart;

    /// <param name="sourceName">The name errors give the file; by default a file stream's path, else "&lt;stream&gt;".</param>
    public ParquetFileReader(Stream stream, bool leaveOpen = false, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek || !stream.CanRead)
        {
            throw new ArgumentException("The stream must be readable and seekable.", nameof(stream));
        }

        _stream = stream;
        _leaveOpen = leaveOpen;
        SourceName = sourceName ?? (stream as FileStream)?.Name ?? "<stream>";
        long footerStart = 0;
        try
        {
            (_metadata, _footerStart) = ReadFooter(stream);
            footerStart = _footerStart;
            (Schema, _layouts, int leafCount) = SchemaMapping.FromElements(_metadata.Schema);
            RowGroups = [.. _metadata.RowGroups.Select(group => DescribeRowGroup(group, leafCount))];
            if (_metadata.NumRows < 0 || _metadata.RowGroups.Sum(group => group.NumRows) != _metadata.NumRows)
            {
                throw new ParquetFormatException("The file's row count does not equal the sum of its row groups.");
            }

            KeyValueMetadata = _metadata.KeyValueMetadata
                .GroupBy(kv => kv.Key, StringComparer.Ordinal)
                .ToDictionary(group => group.Key, group => group.Last().Value, StringComparer.Ordinal);
        }
        catch (Exception e)
        {
            if (!leaveOpen)
            {
                stream.Dispose();
            }

            if (e is ParquetFormatException || DecodingFailure.Is(e))
            {
                throw DecodingFailure.At(e, footerStart).Locate(SourceName, column: null, rowGroup: null, footerStart);
            }

            throw;
        }
    }

    /// <summary>The file's path (or the name given for a stream), as format errors name it.</summary>
    public string SourceName { get; }

    public ParquetSchema Schema { get; }

    public long RowCount => _metadata.NumRows;

    public int RowGroupCount => _metadata.RowGroups.Count;

    public IReadOnlyList<ParquetRowGroupMetadata> RowGroups { get; }

    public IReadOnlyDictionary<string, string?> KeyValueMetadata { get; }

    public string? CreatedBy => _metadata.CreatedBy;

    public static ParquetFileReader Open(string path) =>
        new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16), sourceName: path);

    /// <summary>Reads one column of one row group.</summary>
    public ParquetColumnData ReadColumn(int rowGroup, int column)
    {
        ColumnLayout layout = Layout(column);
        return layout.Column.ValueKind switch
        {
            ParquetValueKind.Boolean => Read<bool>(rowGroup, layout),
            ParquetValueKind.Int32 => Read<int>(rowGroup, layout),
            ParquetValueKind.Int64 => Read<long>(rowGroup, layout),
            ParquetValueKind.Float => Read<float>(rowGroup, layout),
            ParquetValueKind.Double => Read<double>(rowGroup, layout),
            ParquetValueKind.String => Read<string>(rowGroup, layout),
            _ => Read<byte[]>(rowGroup, layout),
        };
    }

    public ParquetColumnData ReadColumn(int rowGroup, string column) => ReadColumn(rowGroup, Schema.IndexOf(column));

    /// <summary>Reads a flat column whose values are of type <typeparamref name="T"/> (e.g. long for INT64, string for STRING).</summary>
    public ParquetValues<T> ReadValues<T>(int rowGroup, int column) =>
        ReadColumn(rowGroup, column) as ParquetValues<T>
        ?? throw new InvalidOperationException($"Column {Schema[column]} is not a flat column of {typeof(T).Name}.");

    /// <summary>Reads a list column whose elements are of type <typeparamref name="T"/>.</summary>
    public ParquetListValues<T> ReadList<T>(int rowGroup, int column) =>
        ReadColumn(rowGroup, column) as ParquetListValues<T>
        ?? throw new InvalidOperationException($"Column {Schema[column]} is not a list column of {typeof(T).Name}.");

    public void Dispose()
    {
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private ColumnLayout Layout(int column)
    {
        if ((uint)column >= (uint)_layouts.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(column), column, $"The schema has {_layouts.Count} columns.");
        }

        ColumnLayout layout = _layouts[column];
        if (!layout.Column.IsSupported)
        {
            throw new ParquetFormatException("A nested type this reader does not support (only primitives and lists of primitives).")
                .Locate(SourceName, layout.Column.Name, rowGroup: null, _footerStart);
        }

        return layout;
    }

    private ParquetColumnData Read<T>(int rowGroup, ColumnLayout layout)
    {
        if ((uint)rowGroup >= (uint)_metadata.RowGroups.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(rowGroup), rowGroup, $"The file has {_metadata.RowGroups.Count} row groups.");
        }

        RowGroup group = _metadata.RowGroups[rowGroup];
        ColumnChunk chunk = group.Columns[layout.FirstLeafIndex];
        long chunkStart = _footerStart; // until the chunk's own offset is known, its metadata in the footer is to blame
        try
        {
            ColumnMetaData meta = chunk.MetaData ?? throw new ParquetFormatException("Column chunk has no metadata (encrypted or external files are not supported).");
            if (chunk.FilePath is not null)
            {
                throw new ParquetFormatException("Column chunks in external files are not supported.");
            }

            if (meta.Type != layout.Column.PhysicalType)
            {
                throw new ParquetFormatException($"Column chunk type {meta.Type} differs from the schema's {layout.Column.PhysicalType}.");
            }

            long start = ChunkStart(meta);
            byte[] bytes = ReadChunkBytes(meta, start); // a start outside the file is the footer's fault
            chunkStart = start;
            var reader = new ColumnChunkReader<T>(layout, meta.Codec, chunkStart);
            DecodedChunk<T> decoded = reader.Read(bytes, meta.NumValues);
            return ColumnAssembler.Assemble(layout, decoded, group.NumRows);
        }
        catch (Exception e) when (e is ParquetFormatException || DecodingFailure.Is(e))
        {
            throw DecodingFailure.At(e, chunkStart).Locate(SourceName, layout.Column.Name, rowGroup, chunkStart);
        }
    }

    private static long ChunkStart(ColumnMetaData meta)
    {
        long start = meta.DataPageOffset;
        if (meta.DictionaryPageOffset is { } dictionaryOffset && dictionaryOffset > 0 && dictionaryOffset < start)
        {
            start = dictionaryOffset;
        }

        return start;
    }

    private byte[] ReadChunkBytes(ColumnMetaData meta, long start)
    {
        long length = meta.TotalCompressedSize;
        if (start < Magic.Length || length <= 0 || start + length > _footerStart || length > Array.MaxLength)
        {
            throw new ParquetFormatException($"Column chunk [{start}, {start}+{length}) lies outside the file's data region.");
        }

        var bytes = new byte[length];
        _stream.Seek(start, SeekOrigin.Begin);
        _stream.ReadExactly(bytes);
        return bytes;
    }

    private ParquetRowGroupMetadata DescribeRowGroup(RowGroup group, int leafCount)
    {
        if (group.Columns.Count != leafCount)
        {
            throw new ParquetFormatException($"Row group has {group.Columns.Count} column chunks but the schema has {leafCount} leaf columns.");
        }

        if (group.NumRows < 0)
        {
            throw new ParquetFormatException("Row group has a negative row count.");
        }

        var columns = new List<ParquetColumnChunkMetadata>(_layouts.Count);
        foreach (ColumnLayout layout in _layouts)
        {
            ColumnMetaData meta = group.Columns[layout.FirstLeafIndex].MetaData
                ?? throw new ParquetFormatException("Column chunk has no metadata (encrypted files are not supported).");
            columns.Add(new ParquetColumnChunkMetadata(meta, layout.Column));
        }

        return new ParquetRowGroupMetadata(group.NumRows, group.TotalCompressedSize ?? columns.Sum(c => c.CompressedSize), columns);
    }

    private static (FileMetaData Metadata, long FooterStart) ReadFooter(Stream stream)
    {
        long fileLength = stream.Length;
        if (fileLength < Magic.Length + FooterTailLength)
        {
            throw new ParquetFormatException($"File is {fileLength} bytes: too short to be Parquet (at least 12 needed).", 0);
        }

        Span<byte> head = stackalloc byte[4];
        stream.Seek(0, SeekOrigin.Begin);
        stream.ReadExactly(head);
        Span<byte> tail = stackalloc byte[FooterTailLength];
        stream.Seek(fileLength - FooterTailLength, SeekOrigin.Begin);
        stream.ReadExactly(tail);
        if (!head.SequenceEqual(Magic) || !tail[4..].SequenceEqual(Magic))
        {
            long where = head.SequenceEqual(Magic) ? fileLength - Magic.Length : 0;
            throw new ParquetFormatException("Missing PAR1 magic: not a Parquet file, truncated, or encrypted (PARE).", where);
        }

        int footerLength = BinaryPrimitives.ReadInt32LittleEndian(tail);
        long footerStart = fileLength - FooterTailLength - footerLength;
        if (footerLength <= 0 || footerStart < Magic.Length)
        {
            throw new ParquetFormatException($"Footer length {footerLength} does not fit in a {fileLength}-byte file.", fileLength - FooterTailLength);
        }

        var footer = new byte[footerLength];
        stream.Seek(footerStart, SeekOrigin.Begin);
        stream.ReadExactly(footer);
        var thrift = new ThriftCompactReader(footer, 0, footer.Length, footerStart);
        FileMetaData metadata = MetadataReader.ReadFileMetaData(thrift);
        return (metadata, footerStart);
    }
}
