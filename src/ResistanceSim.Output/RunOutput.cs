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

    public RunOutput(string runDirectory, Scenario scenario, OutputFormat format, Provenance provenance, int part = 0)
    {
        var tables = RunTables.For(scenario);
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

    public void Write(WorkUnitResult result)
    {
        foreach (var (table, batch, sink) in _tables)
        {
            table.Fill(result, batch);
            if (batch.RowCount > 0) sink.Append(batch);
        }
    }

    /// <summary>
    /// Publishes every table's part file. With <paramref name="removeOtherParts"/> (a whole,
    /// unsharded run) part files left by an earlier run — another format or shard layout — are
    /// removed afterwards, so readers of <c>&lt;table&gt;/*</c> see only this run.
    /// </summary>
    public void Commit(bool removeOtherParts = true)
    {
        foreach (var (_, _, sink) in _tables) sink.Commit();
        _committed = true;
        if (!removeOtherParts) return;
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
