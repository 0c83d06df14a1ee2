using System.Buffers.Binary;
using ResistanceSim.Parquet.Format;
using ResistanceSim.Parquet.Reading;
using ResistanceSim.Parquet.Thrift;

namespace ResistanceSim.Parquet;

/// <summary>
/// Reads Parquet files from a seekable stream: schema, key/value metadata, row group and column
/// chunk metadata with statistics, and column values per row group. Malformed input raises
/// <see cref="ParquetFormatException"/>; every offset and length is checked against the file size.
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

    public ParquetFileReader(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek || !stream.CanRead)
        {
            throw new ArgumentException("The stream must be readable and seekable.", nameof(stream));
        }

        _stream = stream;
        _leaveOpen = leaveOpen;
        try
        {
            (_metadata, _footerStart) = ReadFooterChecked(stream);
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

            if (IsDecodingFailure(e))
            {
                throw new ParquetFormatException($"The file metadata is corrupt: {e.Message}", e);
            }

            throw;
        }
    }

    public ParquetSchema Schema { get; }

    public long RowCount => _metadata.NumRows;

    public int RowGroupCount => _metadata.RowGroups.Count;

    public IReadOnlyList<ParquetRowGroupMetadata> RowGroups { get; }

    public IReadOnlyDictionary<string, string?> KeyValueMetadata { get; }

    public string? CreatedBy => _metadata.CreatedBy;

    public static ParquetFileReader Open(string path) =>
        new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16));

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
            throw new ParquetFormatException($"Column '{layout.Column.Name}' is a nested type this reader does not support (only primitives and lists of primitives).");
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
        ColumnMetaData meta = chunk.MetaData ?? throw new ParquetFormatException("Column chunk has no metadata (encrypted or external files are not supported).");
        if (chunk.FilePath is not null)
        {
            throw new ParquetFormatException("Column chunks in external files are not supported.");
        }

        if (meta.Type != layout.Column.PhysicalType)
        {
            throw new ParquetFormatException($"Column chunk type {meta.Type} differs from the schema's {layout.Column.PhysicalType}.");
        }

        try
        {
            byte[] bytes = ReadChunkBytes(meta);
            var reader = new ColumnChunkReader<T>(layout, meta.Codec);
            DecodedChunk<T> decoded = reader.Read(bytes, meta.NumValues);
            return ColumnAssembler.Assemble(layout, decoded, group.NumRows);
        }
        catch (Exception e) when (IsDecodingFailure(e))
        {
            throw new ParquetFormatException($"Column '{layout.Column.Name}' in row group {rowGroup} is corrupt: {e.Message}", e);
        }
    }

    /// <summary>
    /// Decoders check every length they read; this boundary is the last line of defence so that an
    /// unforeseen inconsistency in untrusted bytes still surfaces as a format error.
    /// </summary>
    private static bool IsDecodingFailure(Exception e) =>
        e is IndexOutOfRangeException or ArgumentException or OverflowException or InvalidCastException or EndOfStreamException or InvalidDataException;

    private byte[] ReadChunkBytes(ColumnMetaData meta)
    {
        long start = meta.DataPageOffset;
        if (meta.DictionaryPageOffset is { } dictionaryOffset && dictionaryOffset > 0 && dictionaryOffset < start)
        {
            start = dictionaryOffset;
        }

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

    private static (FileMetaData Metadata, long FooterStart) ReadFooterChecked(Stream stream)
    {
        try
        {
            return ReadFooter(stream);
        }
        catch (Exception e) when (IsDecodingFailure(e))
        {
            throw new ParquetFormatException($"The file footer is corrupt: {e.Message}", e);
        }
    }

    private static (FileMetaData Metadata, long FooterStart) ReadFooter(Stream stream)
    {
        long fileLength = stream.Length;
        if (fileLength < Magic.Length + FooterTailLength)
        {
            throw new ParquetFormatException($"File is {fileLength} bytes: too short to be Parquet (at least 12 needed).");
        }

        Span<byte> head = stackalloc byte[4];
        stream.Seek(0, SeekOrigin.Begin);
        stream.ReadExactly(head);
        Span<byte> tail = stackalloc byte[FooterTailLength];
        stream.Seek(fileLength - FooterTailLength, SeekOrigin.Begin);
        stream.ReadExactly(tail);
        if (!head.SequenceEqual(Magic) || !tail[4..].SequenceEqual(Magic))
        {
            throw new ParquetFormatException("Missing PAR1 magic: not a Parquet file, truncated, or encrypted (PARE).");
        }

        int footerLength = BinaryPrimitives.ReadInt32LittleEndian(tail);
        long footerStart = fileLength - FooterTailLength - footerLength;
        if (footerLength <= 0 || footerStart < Magic.Length)
        {
            throw new ParquetFormatException($"Footer length {footerLength} does not fit in a {fileLength}-byte file.");
        }

        var footer = new byte[footerLength];
        stream.Seek(footerStart, SeekOrigin.Begin);
        stream.ReadExactly(footer);
        var thrift = new ThriftCompactReader(footer, 0, footer.Length);
        FileMetaData metadata = MetadataReader.ReadFileMetaData(thrift);
        return (metadata, footerStart);
    }
}
