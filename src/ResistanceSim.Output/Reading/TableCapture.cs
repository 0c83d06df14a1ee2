using ResistanceSim.Output.Tables;

namespace ResistanceSim.Output.Reading;

/// <summary>
/// The rows of one table whose integer columns hold given values (e.g. arm 0, point 0, replicate 0), kept as the run's
/// batches stream past: the <see cref="TableData"/> that <see cref="RunTableReader"/> would read back from the finished
/// Parquet file, with the same value types and nulls, without reading the file.
/// </summary>
public sealed class TableCapture
{
    private readonly IReadOnlyList<ColumnSpec> _columns;
    private readonly (int Column, long Value)[] _where;

    public TableCapture(IReadOnlyList<ColumnSpec> columns, IReadOnlyList<(string Column, long Value)> where)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(where);
        _columns = columns;
        _where = [.. where.Select(w => (IntegerColumn(columns, w.Column), w.Value))];
        Data = new TableData([.. columns.Select(c => c.Name)]);
    }

    /// <summary>The rows kept so far, in the order they streamed past.</summary>
    public TableData Data { get; }

    /// <summary>Keeps the rows of <paramref name="batch"/> (of this table) that hold the selected values.</summary>
    public void Add(TableBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        for (int row = 0; row < batch.RowCount; row++)
        {
            if (!Selected(batch, row)) continue;
            for (int c = 0; c < _columns.Count; c++) Data.Add(_columns[c].Name, Value(batch, c, row));
        }
    }

    private bool Selected(TableBatch batch, int row)
    {
        foreach (var (column, value) in _where)
        {
            if (_columns[column].Nullable && !batch.Valid(column)[row]) return false;   // null is never equal, as in the reader
            long held = _columns[column].Type == ColumnType.Int32 ? batch.Int32(column)[row] : batch.Int64(column)[row];
            if (held != value) return false;
        }
        return true;
    }

    /// <summary>
    /// A cell as the Parquet reader returns it: the column's .NET type, null when not valid; a list as an array of its
    /// items, null only for a null list (the sinks write a list column's lists whatever its validity says).
    /// </summary>
    private object? Value(TableBatch batch, int column, int row)
    {
        var type = _columns[column].Type;
        if (type != ColumnType.StringList && _columns[column].Nullable && !batch.Valid(column)[row]) return null;
        return type switch
        {
            ColumnType.Int32 => batch.Int32(column)[row],
            ColumnType.Int64 => batch.Int64(column)[row],
            ColumnType.Double => batch.Double(column)[row],
            ColumnType.Boolean => batch.Boolean(column)[row],
            ColumnType.String => batch.String(column)[row],
            ColumnType.StringList => batch.StringList(column)[row] is { } items ? items.Cast<object?>().ToArray() : null,
            _ => throw new NotSupportedException($"A capture cannot keep {type} columns."),
        };
    }

    private static int IntegerColumn(IReadOnlyList<ColumnSpec> columns, string name)
    {
        for (int c = 0; c < columns.Count; c++)
            if (columns[c].Name == name)
                return columns[c].Type is ColumnType.Int32 or ColumnType.Int64 ? c : throw new ArgumentException($"'{name}' is not an integer column to select rows by.", nameof(columns));
        throw new ArgumentException($"The table has no column '{name}' to select rows by.", nameof(columns));
    }
}
