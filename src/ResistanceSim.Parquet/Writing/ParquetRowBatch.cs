using ResistanceSim.Parquet.Writing;

namespace ResistanceSim.Parquet;

/// <summary>
/// A set of rows appended column by column; obtained from <see cref="ParquetFileWriter.BeginRowBatch"/>
/// and completed by <see cref="Dispose"/>, which checks that every column received the same number
/// of rows. Values are encoded immediately (nothing is boxed or copied per row), so batches can be
/// of any size; the writer closes row groups only between batches.
/// </summary>
public sealed class ParquetRowBatch : IDisposable
{
    private readonly ParquetFileWriter _writer;
    private readonly ColumnWriter[] _columns;
    private readonly long[] _rowsAppended;
    private bool _open;

    internal ParquetRowBatch(ParquetFileWriter writer, ColumnWriter[] columns)
    {
        _writer = writer;
        _columns = columns;
        _rowsAppended = new long[columns.Length];
    }

    public ParquetSchema Schema => _writer.Schema;

    /// <summary>Appends INT32 values; <paramref name="validity"/> (same length, false = null) is allowed for nullable columns.</summary>
    public void AppendInt32(int column, ReadOnlySpan<int> values, ReadOnlySpan<bool> validity = default)
    {
        var writer = Writer<FixedWidthColumnWriter<int, Int32Traits>>(column, values.Length, validity);
        try
        {
            writer.Append(values, validity);
        }
        catch
        {
            _writer.MarkFaulted(); // the column may hold part of the values: the file must not be finished
            throw;
        }
    }

    public void AppendInt64(int column, ReadOnlySpan<long> values, ReadOnlySpan<bool> validity = default)
    {
        var writer = Writer<FixedWidthColumnWriter<long, Int64Traits>>(column, values.Length, validity);
        try
        {
            writer.Append(values, validity);
        }
        catch
        {
            _writer.MarkFaulted(); // the column may hold part of the values: the file must not be finished
            throw;
        }
    }

    public void AppendFloat(int column, ReadOnlySpan<float> values, ReadOnlySpan<bool> validity = default)
    {
        var writer = Writer<FixedWidthColumnWriter<float, FloatTraits>>(column, values.Length, validity);
        try
        {
            writer.Append(values, validity);
        }
        catch
        {
            _writer.MarkFaulted(); // the column may hold part of the values: the file must not be finished
            throw;
        }
    }

    public void AppendDouble(int column, ReadOnlySpan<double> values, ReadOnlySpan<bool> validity = default)
    {
        var writer = Writer<FixedWidthColumnWriter<double, DoubleTraits>>(column, values.Length, validity);
        try
        {
            writer.Append(values, validity);
        }
        catch
        {
            _writer.MarkFaulted(); // the column may hold part of the values: the file must not be finished
            throw;
        }
    }

    public void AppendBoolean(int column, ReadOnlySpan<bool> values, ReadOnlySpan<bool> validity = default)
    {
        var writer = Writer<BooleanColumnWriter>(column, values.Length, validity);
        try
        {
            writer.Append(values, validity);
        }
        catch
        {
            _writer.MarkFaulted(); // the column may hold part of the values: the file must not be finished
            throw;
        }
    }

    /// <summary>Appends strings; a null reference is a null value (nullable columns only).</summary>
    public void AppendString(int column, ReadOnlySpan<string?> values)
    {
        var writer = Writer<StringColumnWriter>(column, values.Length, default, expectList: false);
        try
        {
            writer.Append(values);
        }
        catch
        {
            _writer.MarkFaulted(); // the column may hold part of the values: the file must not be finished
            throw;
        }
    }

    /// <summary>Appends one list per row to a string-list column; a null list is allowed for nullable columns, elements must not be null.</summary>
    public void AppendStringList(int column, ReadOnlySpan<IReadOnlyList<string>?> lists)
    {
        var writer = Writer<StringColumnWriter>(column, lists.Length, default, expectList: true);
        try
        {
            writer.AppendLists(lists);
        }
        catch
        {
            _writer.MarkFaulted(); // the column may hold part of the values: the file must not be finished
            throw;
        }
    }

    /// <summary>Completes the batch: all columns must have received the same number of rows.</summary>
    public void Dispose()
    {
        if (!_open)
        {
            return;
        }

        _open = false;
        long rows = _rowsAppended[0];
        for (int i = 1; i < _rowsAppended.Length; i++)
        {
            if (_rowsAppended[i] != rows)
            {
                _writer.MarkFaulted();
                throw new InvalidOperationException(
                    $"Row batch is ragged: column '{_columns[0].Layout.Column.Name}' has {rows} rows but '{_columns[i].Layout.Column.Name}' has {_rowsAppended[i]}.");
            }
        }

        _writer.EndRowBatch(rows);
    }

    internal void Begin()
    {
        Array.Clear(_rowsAppended);
        _open = true;
    }

    private T Writer<T>(int column, int rows, ReadOnlySpan<bool> validity, bool expectList = false)
        where T : ColumnWriter
    {
        if (!_open)
        {
            throw new InvalidOperationException("The row batch is already complete; call BeginRowBatch again.");
        }

        if ((uint)column >= (uint)_columns.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(column), column, $"The schema has {_columns.Length} columns.");
        }

        ColumnWriter writer = _columns[column];
        ParquetColumn schemaColumn = writer.Layout.Column;
        if (writer is not T typed || schemaColumn.IsList != expectList)
        {
            throw new ArgumentException($"Column '{schemaColumn.Name}' is {schemaColumn}; it cannot take these values.", nameof(column));
        }

        if (!validity.IsEmpty)
        {
            if (!schemaColumn.IsNullable)
            {
                throw new ArgumentException($"Column '{schemaColumn.Name}' is not nullable; pass no validity.", nameof(validity));
            }

            if (validity.Length != rows)
            {
                throw new ArgumentException($"Validity has {validity.Length} entries for {rows} values.", nameof(validity));
            }
        }

        _rowsAppended[column] += rows;
        return typed;
    }
}
