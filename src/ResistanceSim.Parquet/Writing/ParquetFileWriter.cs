using ResistanceSim.Parquet.Format;
using ResistanceSim.Parquet.IO;
using ResistanceSim.Parquet.Thrift;
using ResistanceSim.Parquet.Writing;

namespace ResistanceSim.Parquet;

/// <summary>
/// Streams a Parquet file to a stream: rows arrive in batches (<see cref="BeginRowBatch"/>), pages are
/// encoded and compressed as they fill, and a row group is written out once it reaches
/// <see cref="ParquetWriterOptions.RowGroupRows"/> rows or <see cref="ParquetWriterOptions.RowGroupBytes"/>
/// bytes, so memory stays bounded however many rows are written. <see cref="Dispose"/> (or
/// <see cref="Close"/>) writes the footer. The stream need not be seekable.
/// </summary>
public sealed class ParquetFileWriter : IDisposable
{
    private static readonly byte[] Magic = "PAR1"u8.ToArray();

    private readonly Stream _output;
    private readonly bool _leaveOpen;
    private readonly ParquetWriterOptions _options;
    private readonly ColumnWriter[] _columns;
    private readonly ParquetRowBatch _batch;
    private readonly FileMetaData _metadata = new();
    private long _position;
    private long _rowsInGroup;
    private bool _batchOpen;
    private bool _closed;
    private bool _faulted;

    public ParquetFileWriter(Stream output, ParquetSchema schema, ParquetWriterOptions? options = null, bool leaveOpen = true)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(schema);
        if (schema.Columns.Count == 0)
        {
            throw new ArgumentException("A Parquet schema needs at least one column.", nameof(schema));
        }

        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("ResistanceSim.Parquet assumes a little-endian machine.");
        }

        _options = options ?? new ParquetWriterOptions();
        _options.Validate();
        _output = output;
        _leaveOpen = leaveOpen;
        Schema = schema;
        _columns = [.. schema.Columns.Select((column, i) => CreateColumnWriter(ColumnLayout.ForWriting(column, i), _options))];
        _batch = new ParquetRowBatch(this, _columns);
        _output.Write(Magic);
        _position = Magic.Length;
    }

    public ParquetSchema Schema { get; }

    /// <summary>Rows accepted so far (including rows of the row group still in memory).</summary>
    public long RowCount { get; private set; }

    /// <summary>Row groups written to the stream so far.</summary>
    public int RowGroupCount => _metadata.RowGroups.Count;

    /// <summary>Starts a batch of rows. Append every column once or more, then dispose the batch.</summary>
    public ParquetRowBatch BeginRowBatch()
    {
        ThrowIfClosed();
        if (_batchOpen)
        {
            throw new InvalidOperationException("The previous row batch has not been completed (disposed).");
        }

        _batchOpen = true;
        _batch.Begin();
        return _batch;
    }

    /// <summary>Writes the rows buffered so far as a row group now (no-op when there are none).</summary>
    public void FlushRowGroup()
    {
        ThrowIfClosed();
        if (_batchOpen)
        {
            throw new InvalidOperationException("Complete the open row batch before flushing a row group.");
        }

        if (_rowsInGroup == 0)
        {
            return;
        }

        var rowGroup = new RowGroup { NumRows = _rowsInGroup, FileOffset = _position, Ordinal = (short)Math.Min(_metadata.RowGroups.Count, short.MaxValue) };
        long start = _position;
        foreach (ColumnWriter column in _columns)
        {
            ColumnChunk chunk = column.WriteChunk(_output, ref _position);
            rowGroup.Columns.Add(chunk);
            rowGroup.TotalByteSize += chunk.MetaData!.TotalUncompressedSize;
        }

        rowGroup.TotalCompressedSize = _position - start;
        _metadata.RowGroups.Add(rowGroup);
        _rowsInGroup = 0;
    }

    /// <summary>Flushes the last row group and writes the footer. The writer cannot be used afterwards.</summary>
    public void Close()
    {
        if (_closed)
        {
            return;
        }

        if (_batchOpen || _faulted)
        {
            throw new InvalidOperationException("A row batch was left incomplete; the file cannot be finished.");
        }

        FlushRowGroup();
        _closed = true;
        _metadata.Version = 1;
        _metadata.NumRows = RowCount;
        _metadata.CreatedBy = _options.CreatedBy;
        _metadata.Schema.AddRange(SchemaMapping.ToElements(Schema));
        _metadata.ColumnOrderCount = _columns.Length;
        foreach ((string key, string? value) in _options.KeyValueMetadata)
        {
            _metadata.KeyValueMetadata.Add(new KeyValue { Key = key, Value = value });
        }

        var footer = new ByteBuffer(4096);
        MetadataWriter.Write(new ThriftCompactWriter(footer), _metadata);
        _output.Write(footer.WrittenSpan);
        Span<byte> tail = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(tail, footer.Length);
        Magic.CopyTo(tail[4..]);
        _output.Write(tail);
        _output.Flush();
        if (!_leaveOpen)
        {
            _output.Dispose();
        }
    }

    /// <summary>Writes the footer, unless a batch was left incomplete (an exception is unwinding): then the output is left unfinished.</summary>
    public void Dispose()
    {
        if (_closed)
        {
            return;
        }

        if (_batchOpen || _faulted)
        {
            _closed = true;
            if (!_leaveOpen)
            {
                _output.Dispose();
            }

            return;
        }

        Close();
    }

    internal void EndRowBatch(long rows)
    {
        _batchOpen = false;
        RowCount += rows;
        _rowsInGroup += rows;
        if (_rowsInGroup >= _options.RowGroupRows || _columns.Sum(column => column.BufferedBytes) >= _options.RowGroupBytes)
        {
            FlushRowGroup();
        }
    }

    internal void MarkFaulted() => _faulted = true;

    private void ThrowIfClosed() => ObjectDisposedException.ThrowIf(_closed, this);

    private static ColumnWriter CreateColumnWriter(ColumnLayout layout, ParquetWriterOptions options)
    {
        ParquetColumn column = layout.Column;
        if (column.IsList && column.ValueKind != ParquetValueKind.String)
        {
            throw new NotSupportedException($"Column '{column.Name}': the writer supports lists of strings only.");
        }

        return column.PhysicalType switch
        {
            ParquetPhysicalType.Boolean => new BooleanColumnWriter(layout, options),
            ParquetPhysicalType.Int32 => new FixedWidthColumnWriter<int, Int32Traits>(layout, options),
            ParquetPhysicalType.Int64 => new FixedWidthColumnWriter<long, Int64Traits>(layout, options),
            ParquetPhysicalType.Float => new FixedWidthColumnWriter<float, FloatTraits>(layout, options),
            ParquetPhysicalType.Double => new FixedWidthColumnWriter<double, DoubleTraits>(layout, options),
            ParquetPhysicalType.ByteArray when column.ValueKind == ParquetValueKind.String => new StringColumnWriter(layout, options),
            _ => throw new NotSupportedException($"Column '{column.Name}': the writer does not support {column}."),
        };
    }
}
