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
                }
                if (batch.Columns[c].Nullable) Fill(batch.Valid(c), reader.ReadBoolean);
            }
            consume(table, batch);
        }
    }

    private static void Fill<T>(Span<T> target, Func<T> read)
    {
        for (int i = 0; i < target.Length; i++) target[i] = read();
    }
}
