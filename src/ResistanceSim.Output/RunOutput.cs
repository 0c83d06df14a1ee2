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

    /// <param name="wholeRun">The run is not sharded: on commit, part files an earlier run left (another format or shard layout) are removed.</param>
    public RunOutput(string runDirectory, Scenario scenario, OutputFormat format, Provenance provenance, int part = 0, Sweep? sweep = null,
        bool wholeRun = false)
    {
        _wholeRun = wholeRun;
        var tables = RunTables.For(scenario, sweep);
        var opened = new List<(IRunTable, TableBatch, ITableSink)>();
        var paths = new List<string>();
        try
        {
            foreach (var table in tables)
            {
                string path = PartPath(runDirectory, table.Name, format, part);
                paths.Add(path);
                opened.Add((table, new TableBatch(table.Columns), TableSinks.Create(format, path, table.Columns, provenance)));
            }
        }
        catch
        {
            foreach (var (_, _, sink) in opened) sink.Dispose();
            throw;
        }
        _tables = [.. opened];
        _paths = [.. paths];
    }

    private readonly string[] _paths;

    public static string PartPath(string runDirectory, string table, OutputFormat format, int part) =>
        Path.Combine(runDirectory, table, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"part-{part:D5}.{OutputFormats.Extension(format)}"));

    /// <summary>Every table's part file (final names), published by <see cref="Commit"/>.</summary>
    public IReadOnlyList<string> Paths => _paths;

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

    private readonly bool _wholeRun;

    /// <summary>
    /// Publishes every table's part file. For a whole (unsharded) run, part files an earlier run
    /// left — another format or shard layout — are removed afterwards, so readers of
    /// <c>&lt;table&gt;/*</c> see only this run; a shard leaves the other shards' parts alone.
    /// </summary>
    public void Commit()
    {
        foreach (var (_, _, sink) in _tables)
        {
            FaultInjection.Reach(FaultInjection.PublishRename);
            sink.Commit();
        }
        _committed = true;
        if (!_wholeRun) return;
        foreach (var path in _paths)
        {
            foreach (var stale in Directory.EnumerateFiles(Path.GetDirectoryName(path)!, "part-*"))
                if (!string.Equals(Path.GetFullPath(stale), Path.GetFullPath(path), StringComparison.Ordinal)) File.Delete(stale);
        }
    }

    public void Dispose()
    {
        if (_committed) return;
        foreach (var (_, _, sink) in _tables) sink.Dispose();
    }
}
