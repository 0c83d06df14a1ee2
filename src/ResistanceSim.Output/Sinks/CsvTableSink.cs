using System.Globalization;
using System.Text;
using ResistanceSim.Output.Tables;

namespace ResistanceSim.Output.Sinks;

/// <summary>
/// CSV with a header row, RFC 4180 quoting, culture-invariant shortest round-trip numbers, empty
/// cells for null, and true/false booleans.
/// </summary>
public sealed class CsvTableSink : ITableSink
{
    private readonly AtomicFile _file;
    private readonly StreamWriter _writer;
    private readonly IReadOnlyList<ColumnSpec> _columns;

    public CsvTableSink(string path, IReadOnlyList<ColumnSpec> columns)
    {
        _columns = columns;
        _file = new AtomicFile(path);
        _writer = new StreamWriter(_file.Stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        _writer.WriteLine(string.Join(',', columns.Select(c => Quote(c.Name))));
    }

    public void Append(TableBatch batch)
    {
        Span<char> buffer = stackalloc char[32];
        for (int row = 0; row < batch.RowCount; row++)
        {
            for (int c = 0; c < _columns.Count; c++)
            {
                if (c > 0) _writer.Write(',');
                if (_columns[c].Nullable && !batch.Valid(c)[row]) continue;
                switch (_columns[c].Type)
                {
                    case ColumnType.Int32: WriteFormatted(batch.Int32(c)[row], buffer); break;
                    case ColumnType.Int64: WriteFormatted(batch.Int64(c)[row], buffer); break;
                    case ColumnType.Double: WriteDouble(batch.Double(c)[row], buffer); break;
                    case ColumnType.Boolean: _writer.Write(batch.Boolean(c)[row] ? "true" : "false"); break;
                    case ColumnType.String: _writer.Write(Quote(batch.String(c)[row])); break;
                    case ColumnType.StringList: _writer.Write(Quote(string.Join('+', batch.StringList(c)[row]))); break;
                }
            }
            _writer.Write('\n');
        }
    }

    private bool _committed;

    public void Commit()
    {
        _writer.Flush();
        _writer.Dispose();
        _file.Commit();
        _committed = true;
    }

    /// <summary>Discards the file unless it was committed; safe to call after <see cref="Commit"/>.</summary>
    public void Dispose()
    {
        if (_committed) return;
        // An unfinished file is discarded anyway; flushing it may fail again for the reason writing failed (full disk).
        try { _writer.Dispose(); }
        catch (IOException) { }
        catch (ObjectDisposedException) { }
        _file.Dispose();
    }

    private void WriteFormatted<T>(T value, Span<char> buffer) where T : ISpanFormattable
    {
        value.TryFormat(buffer, out int written, default, CultureInfo.InvariantCulture);
        _writer.Write(buffer[..written]);
    }

    private void WriteDouble(double value, Span<char> buffer)
    {
        if (double.IsNaN(value)) _writer.Write("NaN");
        else if (double.IsPositiveInfinity(value)) _writer.Write("Inf");
        else if (double.IsNegativeInfinity(value)) _writer.Write("-Inf");
        else WriteFormatted(value, buffer);   // shortest round-trip ("R") is .NET's default
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
