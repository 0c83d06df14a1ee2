using ResistanceSim.Output.Tables;
using ResistanceSim.Parquet;

namespace ResistanceSim.Output.Sinks;

/// <summary>
/// A table as one Parquet file (SNAPPY, dictionary-encoded where it pays, statistics per row
/// group), streamed batch by batch and published by rename on <see cref="Commit"/>. Provenance
/// goes into the file's key-value metadata.
/// </summary>
public sealed class ParquetTableSink : ITableSink
{
    private readonly AtomicFile _file;
    private readonly ParquetFileWriter _writer;
    private readonly IReadOnlyList<ColumnSpec> _columns;

    public ParquetTableSink(string path, IReadOnlyList<ColumnSpec> columns, Provenance provenance)
    {
        _columns = columns;
        var options = new ParquetWriterOptions { Compression = ParquetCompression.Snappy };
        foreach (var (key, value) in provenance.AsKeyValues()) options.KeyValueMetadata[key] = value;
        _file = new AtomicFile(path);
        try
        {
            _writer = new ParquetFileWriter(_file.Stream, new ParquetSchema([.. columns.Select(ToParquet)]), options);
        }
        catch
        {
            _file.Dispose();
            throw;
        }
    }

    private static ParquetColumn ToParquet(ColumnSpec column) => column.Type switch
    {
        ColumnType.Int32 => ParquetColumn.Int32(column.Name, column.Nullable),
        ColumnType.Int64 => ParquetColumn.Int64(column.Name, column.Nullable),
        ColumnType.Double => ParquetColumn.Double(column.Name, column.Nullable),
        ColumnType.Boolean => ParquetColumn.Boolean(column.Name, column.Nullable),
        ColumnType.String => ParquetColumn.String(column.Name, column.Nullable),
        ColumnType.StringList => ParquetColumn.StringList(column.Name, column.Nullable),
        _ => throw new ArgumentOutOfRangeException(nameof(column)),
    };

    public void Append(TableBatch batch)
    {
        using var rows = _writer.BeginRowBatch();
        for (int c = 0; c < _columns.Count; c++)
        {
            ReadOnlySpan<bool> validity = _columns[c].Nullable ? batch.Valid(c) : default;
            switch (_columns[c].Type)
            {
                case ColumnType.Int32: rows.AppendInt32(c, batch.Int32(c), validity); break;
                case ColumnType.Int64: rows.AppendInt64(c, batch.Int64(c), validity); break;
                case ColumnType.Double: rows.AppendDouble(c, batch.Double(c), validity); break;
                case ColumnType.Boolean: rows.AppendBoolean(c, batch.Boolean(c), validity); break;
                case ColumnType.String: rows.AppendString(c, WithNulls(batch.String(c), validity)); break;
                case ColumnType.StringList: rows.AppendStringList(c, batch.StringList(c)!); break;
            }
        }
    }

    /// <summary>Our batches mark nulls with validity; the Parquet API takes null strings.</summary>
    private static ReadOnlySpan<string?> WithNulls(Span<string> values, ReadOnlySpan<bool> validity)
    {
        if (validity.IsEmpty) return values!;
        for (int i = 0; i < values.Length; i++)
            if (!validity[i]) values[i] = null!;
        return values!;
    }

    private bool _committed;

    public void Commit()
    {
        _writer.Dispose();
        _file.Commit();
        _committed = true;
    }

    /// <summary>Discards the file unless it was committed; safe to call after <see cref="Commit"/>.</summary>
    public void Dispose()
    {
        if (_committed) return;
        // An unfinished file is discarded anyway; closing it may fail again for the reason writing failed (full disk).
        try { _writer.Dispose(); }
        catch (InvalidOperationException) { }
        catch (IOException) { }
        _file.Dispose();
    }
}
