namespace ResistanceSim.Parquet.Tests;

/// <summary>An in-memory table used by the tests: a schema and one object?[] per column (null = null value).</summary>
internal sealed record TableData(ParquetSchema Schema, object?[][] Columns)
{
    public int RowCount => Columns.Length == 0 ? 0 : Columns[0].Length;

    /// <summary>Writes the table with the writer, in batches of <paramref name="batchSize"/> rows.</summary>
    public byte[] Write(ParquetWriterOptions options, int batchSize = 1000)
    {
        using var stream = new MemoryStream();
        using (var writer = new ParquetFileWriter(stream, Schema, options))
        {
            for (int start = 0; start < RowCount || (start == 0 && RowCount == 0); start += batchSize)
            {
                int count = Math.Min(batchSize, RowCount - start);
                if (count <= 0)
                {
                    break;
                }

                using ParquetRowBatch batch = writer.BeginRowBatch();
                for (int c = 0; c < Schema.Columns.Count; c++)
                {
                    AppendSlice(batch, c, Schema[c], Columns[c].AsSpan(start, count));
                }
            }
        }

        return stream.ToArray();
    }

    /// <summary>Reads every row group back and concatenates each column's values.</summary>
    public static object?[][] ReadAll(byte[] file, out ParquetFileReader reader)
    {
        reader = new ParquetFileReader(new MemoryStream(file));
        var columns = new List<object?>[reader.Schema.Columns.Count];
        for (int c = 0; c < columns.Length; c++)
        {
            columns[c] = [];
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                ParquetColumnData data = reader.ReadColumn(g, c);
                for (int r = 0; r < data.RowCount; r++)
                {
                    columns[c].Add(data.GetValue(r));
                }
            }
        }

        return [.. columns.Select(list => list.ToArray())];
    }

    private static void AppendSlice(ParquetRowBatch batch, int c, ParquetColumn column, ReadOnlySpan<object?> slice)
    {
        bool[] validity = [.. slice.ToArray().Select(v => v is not null)];
        ReadOnlySpan<bool> valid = column.IsNullable ? validity : default;
        switch (column.ValueKind)
        {
            case ParquetValueKind.Boolean:
                batch.AppendBoolean(c, [.. slice.ToArray().Select(v => v is bool b && b)], valid);
                break;
            case ParquetValueKind.Int32:
                batch.AppendInt32(c, [.. slice.ToArray().Select(v => v is int i ? i : 0)], valid);
                break;
            case ParquetValueKind.Int64:
                batch.AppendInt64(c, [.. slice.ToArray().Select(v => v is long l ? l : 0)], valid);
                break;
            case ParquetValueKind.Float:
                batch.AppendFloat(c, [.. slice.ToArray().Select(v => v is float f ? f : 0)], valid);
                break;
            case ParquetValueKind.Double:
                batch.AppendDouble(c, [.. slice.ToArray().Select(v => v is double d ? d : 0)], valid);
                break;
            case ParquetValueKind.String when column.IsList:
                batch.AppendStringList(c, [.. slice.ToArray().Select(v => (IReadOnlyList<string>?)v)]);
                break;
            case ParquetValueKind.String:
                batch.AppendString(c, [.. slice.ToArray().Select(v => (string?)v)]);
                break;
            default:
                throw new NotSupportedException(column.ToString());
        }
    }
}
