using ResistanceSim.Output.Tables;

namespace ResistanceSim.Output.Shards;

/// <summary>
/// A private, exact binary encoding of table batches, used to keep finished work units' rows on disk until
/// a shard's part files are written (so a killed run loses no finished unit). A record is: table index,
/// row count, then each column's values and, for nullable columns, a validity byte per row. The file ends
/// with table index −1, so a truncated file is detected. Format-agnostic: the part files are written from
/// it in CSV or Parquet alike.
/// </summary>
public static class BatchSpool
{
    private const int EndMarker = -1;

    public static void Write(BinaryWriter writer, int table, TableBatch batch)
    {
        writer.Write(table);
        writer.Write(batch.RowCount);
        for (int c = 0; c < batch.Columns.Count; c++)
        {
            switch (batch.Columns[c].Type)
            {
                case ColumnType.Int32: foreach (int v in batch.Int32(c)) writer.Write(v); break;
                case ColumnType.Int64: foreach (long v in batch.Int64(c)) writer.Write(v); break;
                case ColumnType.Double: foreach (double v in batch.Double(c)) writer.Write(v); break;
                case ColumnType.Boolean: foreach (bool v in batch.Boolean(c)) writer.Write(v); break;
                case ColumnType.String: foreach (string v in batch.String(c)) writer.Write(v ?? ""); break;
                case ColumnType.StringList:
                    foreach (var list in batch.StringList(c))
                    {
                        writer.Write(list.Count);
                        foreach (string item in list) writer.Write(item);
                    }
                    break;
                default: throw new NotSupportedException($"The spool cannot encode {batch.Columns[c].Type} columns.");
            }
            if (batch.Columns[c].Nullable)
                foreach (bool valid in batch.Valid(c)) writer.Write(valid);
        }
    }

    public static void WriteEnd(BinaryWriter writer) => writer.Write(EndMarker);

    /// <summary>Reads records into the batches (one per table, reused) and hands each to <paramref name="consume"/>.</summary>
    public static void Read(BinaryReader reader, IReadOnlyList<TableBatch> batches, Action<int, TableBatch> consume)
    {
        while (true)
        {
            int table = reader.ReadInt32();
            if (table == EndMarker) return;
            if ((uint)table >= (uint)batches.Count) throw new InvalidDataException($"spool names table {table}; the run has {batches.Count} tables");
            var batch = batches[table];
            batch.Reset(reader.ReadInt32());
            for (int c = 0; c < batch.Columns.Count; c++)
            {
                switch (batch.Columns[c].Type)
                {
                    case ColumnType.Int32: Fill(batch.Int32(c), reader.ReadInt32); break;
                    case ColumnType.Int64: Fill(batch.Int64(c), reader.ReadInt64); break;
                    case ColumnType.Double: Fill(batch.Double(c), reader.ReadDouble); break;
                    case ColumnType.Boolean: Fill(batch.Boolean(c), reader.ReadBoolean); break;
                    case ColumnType.String: Fill(batch.String(c), reader.ReadString); break;
                    case ColumnType.StringList: Fill(batch.StringList(c), () => ReadList(reader)); break;
                    default: throw new NotSupportedException($"The spool cannot decode {batch.Columns[c].Type} columns.");
                }
                if (batch.Columns[c].Nullable) Fill(batch.Valid(c), reader.ReadBoolean);
            }
            consume(table, batch);
        }
    }

    private static string[] ReadList(BinaryReader reader)
    {
        int count = reader.ReadInt32();
        if (count < 0) throw new InvalidDataException($"spool list length {count}");
        var items = new string[count];
        for (int i = 0; i < count; i++) items[i] = reader.ReadString();
        return items;
    }

    private static void Fill<T>(Span<T> target, Func<T> read)
    {
        for (int i = 0; i < target.Length; i++) target[i] = read();
    }
}
