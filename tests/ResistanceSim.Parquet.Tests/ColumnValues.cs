using ResistanceSim.Parquet.Reading;

namespace ResistanceSim.Parquet.Tests;

/// <summary>A column's values over every row group, in file order, as the reader boxes them (for fixture comparisons).</summary>
internal static class ColumnValues
{
    public static object?[] Concat(ParquetFileReader reader, string column)
    {
        var result = new List<object?>();
        int index = reader.Schema.IndexOf(column);
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            ParquetColumnData data = reader.ReadColumn(g, index);
            for (int r = 0; r < data.RowCount; r++) result.Add(data.GetValue(r));
        }
        return [.. result];
    }
}
