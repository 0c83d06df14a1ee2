using ResistanceSim.Engine.Observation;
using ResistanceSim.Model;
using ResistanceSim.Output.Sinks;
using ResistanceSim.Output.Tables;

namespace ResistanceSim.Output;

/// <summary>
/// The tables of one run directory (or one shard's part of it): every work unit's result is
/// split into table batches and appended to each table's sink; <see cref="Commit"/> publishes all
/// part files, and disposing without committing leaves no partial file behind.
/// </summary>
public sealed class RunOutput : IDisposable
{
    private readonly (IRunTable Table, TableBatch Batch, ITableSink Sink)[] _tables;
    private bool _committed;

    public RunOutput(string runDirectory, Scenario scenario, OutputFormat format, Provenance provenance, int part = 0, Sweep? sweep = null)
    {
        var tables = RunTables.For(scenario, sweep);
        var opened = new List<(IRunTable, TableBatch, ITableSink)>();
        try
        {
            foreach (var table in tables)
            {
                string path = PartPath(runDirectory, table.Name, format, part);
                opened.Add((table, new TableBatch(table.Columns), TableSinks.Create(format, path, table.Columns, provenance)));
            }
        }
        catch
        {
            foreach (var (_, _, sink) in opened) sink.Dispose();
            throw;
        }
        _tables = [.. opened];
    }

    public static string PartPath(string runDirectory, string table, OutputFormat format, int part) =>
        Path.Combine(runDirectory, table, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"part-{part:D5}.{OutputFormats.Extension(format)}"));

    /// <summary>The tables, in the order <see cref="Append"/> indexes them.</summary>
    public IReadOnlyList<IRunTable> Tables => [.. _tables.Select(t => t.Table)];

    /// <summary>Appends rows already split into a batch of table <paramref name="table"/> (e.g. read back from a resume spool).</summary>
    public void Append(int table, TableBatch batch)
    {
        if (batch.RowCount > 0) _tables[table].Sink.Append(batch);
    }

    public void Write(WorkUnitResult result)
    {
        foreach (var (table, batch, sink) in _tables)
        {
            table.Fill(result, batch);
            if (batch.RowCount > 0) sink.Append(batch);
        }
    }

    public void Commit()
    {
        foreach (var (_, _, sink) in _tables) sink.Commit();
        _committed = true;
    }

    public void Dispose()
    {
        if (_committed) return;
        foreach (var (_, _, sink) in _tables) sink.Dispose();
    }
}
