using System.Runtime.InteropServices;
using ResistanceSim.Output.Tables;

namespace ResistanceSim.Output.Shards;

/// <summary>
/// A private, exact binary encoding of table batches, used to keep finished work units' rows on disk until
/// a shard's part files are published (so a killed run loses no finished unit: its resume replays them into new
/// part files). A record is: table index, row count, then each column's values and, for nullable columns, a
/// validity byte per row. The file ends with table index −1, so a truncated file is detected. Format-agnostic:
/// the part files are written from it in CSV or Parquet alike.
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
                case ColumnType.Int32: WriteNumbers(writer, batch.Int32(c), static (w, v) => w.Write(v)); break;
                case ColumnType.Int64: WriteNumbers(writer, batch.Int64(c), static (w, v) => w.Write(v)); break;
                case ColumnType.Double: WriteNumbers(writer, batch.Double(c), static (w, v) => w.Write(v)); break;
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
                    case ColumnType.Int32: ReadNumbers(reader, batch.Int32(c), static r => r.ReadInt32()); break;
                    case ColumnType.Int64: ReadNumbers(reader, batch.Int64(c), static r => r.ReadInt64()); break;
                    case ColumnType.Double: ReadNumbers(reader, batch.Double(c), static r => r.ReadDouble()); break;
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

    /// <summary>
    /// A column of numbers as one block of bytes: the same bytes as writing each value (BinaryWriter writes
    /// little-endian), without a call per value. A big-endian machine writes them one by one.
    /// </summary>
    private static void WriteNumbers<T>(BinaryWriter writer, Span<T> values, Action<BinaryWriter, T> writeOne) where T : unmanaged
    {
        if (BitConverter.IsLittleEndian) writer.Write(MemoryMarshal.AsBytes(values));
        else foreach (var value in values) writeOne(writer, value);
    }

    /// <summary>The reverse of <see cref="WriteNumbers"/>: one block read into the column; a truncated spool is an error.</summary>
    private static void ReadNumbers<T>(BinaryReader reader, Span<T> target, Func<BinaryReader, T> readOne) where T : unmanaged
    {
        if (BitConverter.IsLittleEndian) reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(target));
        else Fill(target, () => readOne(reader));
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
