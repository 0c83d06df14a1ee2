using System.Globalization;

namespace ResistanceSim.Output.Reading;

/// <summary>
/// A run table read back into memory, column by column, for plots and reports. Values keep the
/// type the file stored (Parquet) or are parsed on access (CSV); nulls are null.
/// </summary>
public sealed class TableData
{
    private readonly Dictionary<string, List<object?>> _columns;

    public TableData(IReadOnlyList<string> columnNames)
    {
        ColumnNames = columnNames;
        _columns = columnNames.ToDictionary(n => n, _ => new List<object?>(), StringComparer.Ordinal);
    }

    public IReadOnlyList<string> ColumnNames { get; }

    public int RowCount => ColumnNames.Count == 0 ? 0 : _columns[ColumnNames[0]].Count;

    public bool Has(string column) => _columns.ContainsKey(column);

    internal void Add(string column, object? value) => _columns[column].Add(value);

    public object? this[string column, int row] => Column(column)[row];

    public double Double(string column, int row) => ToDouble(this[column, row]);

    public long Long(string column, int row) => this[column, row] switch
    {
        null => throw new InvalidDataException($"{column} is null in row {row}"),
        string text => long.Parse(text, CultureInfo.InvariantCulture),
        var value => Convert.ToInt64(value, CultureInfo.InvariantCulture),
    };

    public bool Bool(string column, int row) => this[column, row] switch
    {
        null => throw new InvalidDataException($"{column} is null in row {row}"),
        bool value => value,
        string text => bool.Parse(text),
        var value => Convert.ToBoolean(value, CultureInfo.InvariantCulture),
    };

    public string? String(string column, int row) => this[column, row] switch
    {
        null => null,
        string text => text,
        // List columns (Parquet LIST) come back as arrays; CSV writes the same lists '+'-joined.
        System.Collections.IEnumerable items => string.Join('+', items.Cast<object?>().Select(i => Convert.ToString(i, CultureInfo.InvariantCulture))),
        var value => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private List<object?> Column(string column) =>
        _columns.TryGetValue(column, out var values) ? values : throw new KeyNotFoundException($"The table has no column '{column}'.");

    private static double ToDouble(object? value) => value switch
    {
        null or "" => double.NaN,
        "Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        string text => double.Parse(text, CultureInfo.InvariantCulture),
        _ => Convert.ToDouble(value, CultureInfo.InvariantCulture),
    };
}
