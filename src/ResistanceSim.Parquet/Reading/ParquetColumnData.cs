namespace ResistanceSim.Parquet;

/// <summary>The values of one column in one row group, as returned by <see cref="ParquetFileReader.ReadColumn(int, int)"/>.</summary>
public abstract class ParquetColumnData
{
    private protected ParquetColumnData(ParquetColumn column, int rowCount)
    {
        Column = column;
        RowCount = rowCount;
    }

    public ParquetColumn Column { get; }

    public int RowCount { get; }

    public abstract bool IsNull(int row);

    /// <summary>The row's value boxed (an <c>object?[]</c> of elements for list columns); for tools and tests, not hot paths.</summary>
    public abstract object? GetValue(int row);
}

/// <summary>A flat column: one value per row; <see cref="Validity"/> is null when the column is required.</summary>
public sealed class ParquetValues<T> : ParquetColumnData
{
    internal ParquetValues(ParquetColumn column, T[] values, bool[]? validity)
        : base(column, values.Length)
    {
        Values = values;
        Validity = validity;
    }

    /// <summary>One entry per row; null rows hold default(T).</summary>
    public T[] Values { get; }

    public bool[]? Validity { get; }

    public ReadOnlySpan<T> Span => Values;

    public override bool IsNull(int row) => Validity is not null && !Validity[row];

    public override object? GetValue(int row) => IsNull(row) ? null : Values[row];
}

/// <summary>
/// A list column in Arrow-like form: row <c>r</c>'s elements are <c>Elements[Offsets[r]..Offsets[r + 1]]</c>;
/// <see cref="Validity"/> marks null lists, <see cref="ElementValidity"/> null elements (null arrays mean "none").
/// </summary>
public sealed class ParquetListValues<T> : ParquetColumnData
{
    internal ParquetListValues(ParquetColumn column, int[] offsets, bool[]? validity, T[] elements, bool[]? elementValidity)
        : base(column, offsets.Length - 1)
    {
        Offsets = offsets;
        Validity = validity;
        Elements = elements;
        ElementValidity = elementValidity;
    }

    public int[] Offsets { get; }

    public bool[]? Validity { get; }

    public T[] Elements { get; }

    public bool[]? ElementValidity { get; }

    public override bool IsNull(int row) => Validity is not null && !Validity[row];

    public ReadOnlySpan<T> ElementsOf(int row) => Elements.AsSpan(Offsets[row], Offsets[row + 1] - Offsets[row]);

    public override object? GetValue(int row)
    {
        if (IsNull(row))
        {
            return null;
        }

        var list = new object?[Offsets[row + 1] - Offsets[row]];
        for (int i = 0; i < list.Length; i++)
        {
            int element = Offsets[row] + i;
            list[i] = ElementValidity is not null && !ElementValidity[element] ? null : Elements[element];
        }

        return list;
    }
}
