namespace ResistanceSim.Parquet;

/// <summary>An ordered set of uniquely named top-level columns.</summary>
public sealed class ParquetSchema
{
    private readonly Dictionary<string, int> _indexByName = new(StringComparer.Ordinal);

    public ParquetSchema(params IEnumerable<ParquetColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        Columns = [.. columns];
        for (int i = 0; i < Columns.Count; i++)
        {
            if (!_indexByName.TryAdd(Columns[i].Name, i))
            {
                throw new ArgumentException($"Duplicate column name '{Columns[i].Name}'.", nameof(columns));
            }
        }
    }

    public IReadOnlyList<ParquetColumn> Columns { get; }

    public ParquetColumn this[int index] => Columns[index];

    /// <summary>The index of the named column.</summary>
    /// <exception cref="KeyNotFoundException">No column has that name.</exception>
    public int IndexOf(string name) =>
        _indexByName.TryGetValue(name, out int index) ? index : throw new KeyNotFoundException($"No column named '{name}'.");

    public bool TryGetIndex(string name, out int index) => _indexByName.TryGetValue(name, out index);

    public override string ToString() => string.Join(", ", Columns);
}
