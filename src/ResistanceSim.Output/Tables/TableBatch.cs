namespace ResistanceSim.Output.Tables;

/// <summary>
/// Reusable typed column arrays holding the rows of one table for one work unit: tables fill it,
/// sinks read it column by column (Parquet) or row by row (CSV). Null cells have validity false.
/// </summary>
public sealed class TableBatch
{
    private readonly Array[] _values;
    private readonly bool[][] _valid;

    public TableBatch(IReadOnlyList<ColumnSpec> columns)
    {
        Columns = columns;
        _values = new Array[columns.Count];
        _valid = new bool[columns.Count][];
        Reset(16);
    }

    public IReadOnlyList<ColumnSpec> Columns { get; }

    public int RowCount { get; private set; }

    /// <summary>Prepares room for <paramref name="rows"/> rows; every cell starts valid.</summary>
    public void Reset(int rows)
    {
        RowCount = rows;
        for (int c = 0; c < Columns.Count; c++)
        {
            if (_values[c] is null || _values[c].Length < rows)
            {
                int capacity = Math.Max(rows, (_values[c]?.Length ?? 0) * 2);
                _values[c] = Columns[c].Type switch
                {
                    ColumnType.Int32 => new int[capacity],
                    ColumnType.Int64 => new long[capacity],
                    ColumnType.Double => new double[capacity],
                    ColumnType.String => new string[capacity],
                    ColumnType.Boolean => new bool[capacity],
                    ColumnType.StringList => new IReadOnlyList<string>[capacity],
                    _ => throw new ArgumentOutOfRangeException(nameof(rows)),
                };
                _valid[c] = new bool[capacity];
            }
            Array.Fill(_valid[c], true, 0, rows);
        }
    }

    public Span<int> Int32(int column) => ((int[])_values[column]).AsSpan(0, RowCount);
    public Span<long> Int64(int column) => ((long[])_values[column]).AsSpan(0, RowCount);
    public Span<double> Double(int column) => ((double[])_values[column]).AsSpan(0, RowCount);
    public Span<string> String(int column) => ((string[])_values[column]).AsSpan(0, RowCount);
    public Span<bool> Boolean(int column) => ((bool[])_values[column]).AsSpan(0, RowCount);
    public Span<IReadOnlyList<string>> StringList(int column) => ((IReadOnlyList<string>[])_values[column]).AsSpan(0, RowCount);

    /// <summary>Validity per row (false = null) of a nullable column.</summary>
    /// <summary>Sets a nullable double: a finite value, or null for NaN and infinities.</summary>
    public void SetDoubleOrNull(int column, int row, double value)
    {
        Double(column)[row] = double.IsFinite(value) ? value : 0;
        Valid(column)[row] = double.IsFinite(value);
    }

    public Span<bool> Valid(int column) => _valid[column].AsSpan(0, RowCount);
}
