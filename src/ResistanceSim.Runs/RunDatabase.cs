using DuckDB.NET.Data;
using ResistanceSim.Output;
using ResistanceSim.Output.Reading;
using ResistanceSim.Output.Sinks;
using ResistanceSim.Runs.Calibration;

namespace ResistanceSim.Runs;

/// <summary>
/// An in-process DuckDB database whose views are the tables of one finished run directory: <c>totals</c>, <c>clones</c>,
/// <c>trajectories</c>, <c>summary</c> and whatever else the run published (<c>assay_fits</c>, <c>endpoints</c>, …),
/// each over exactly the part files its manifest lists, never a half-written one — or of one finished fit
/// (<see cref="OpenFit"/>). <c>resistancesim query</c> and programs using this library query runs through it alike.
/// </summary>
public sealed class RunDatabase : IDisposable
{
    private RunDatabase(DuckDBConnection connection, IReadOnlyList<string> tables)
    {
        Connection = connection;
        Tables = tables;
    }

    /// <summary>The open connection: run any SQL on it; the run's tables are views named after them.</summary>
    public DuckDBConnection Connection { get; }

    /// <summary>The views, in ordinal order.</summary>
    public IReadOnlyList<string> Tables { get; }

    /// <summary>Opens an in-memory database over the tables of <paramref name="runDirectory"/>.</summary>
    /// <exception cref="RunIncompleteException">The directory holds no published run (no manifest, shards missing, a listed file gone).</exception>
    public static RunDatabase Open(string runDirectory)
    {
        ArgumentNullException.ThrowIfNull(runDirectory);
        return Over(TablesOf(runDirectory), InMemory, temporary: false);
    }

    /// <summary>The file that marks a finished fit of <c>resistancesim calibrate</c>: its preset, written after its tables.</summary>
    public const string FitMarkerFile = CalibrationOutputs.PresetFile;

    /// <summary>Whether <paramref name="directory"/> holds a finished fit (<see cref="FitMarkerFile"/>).</summary>
    public static bool IsFit(string directory) => File.Exists(Path.Combine(directory, FitMarkerFile));

    /// <summary>
    /// Opens an in-memory database over the tables of the finished fit in <paramref name="fitDirectory"/>: <c>calibration</c>
    /// (every parameter set evaluated), <c>posterior</c>, <c>generations</c> and, with a preset chosen on new patients,
    /// <c>preset_candidates</c> (docs/calibration.md, "Output").
    /// </summary>
    /// <exception cref="RunIncompleteException">The directory holds no finished fit.</exception>
    public static RunDatabase OpenFit(string fitDirectory)
    {
        ArgumentNullException.ThrowIfNull(fitDirectory);
        if (!IsFit(fitDirectory))
            throw new RunIncompleteException($"{fitDirectory} has no {FitMarkerFile}: its fit has not finished (continue it with 'resistancesim calibrate … --resume')");
        List<(string Name, IReadOnlyList<string> Parts)> tables = [..
            from table in CalibrationOutputs.Tables
            let part = RunOutput.PartPath(fitDirectory, table, OutputFormat.Parquet, 0)
            where File.Exists(part)
            select (table, (IReadOnlyList<string>)[part])];
        return Over(tables, InMemory, temporary: false);
    }

    private static DuckDBConnection InMemory() => new("DataSource=:memory:");

    /// <summary>A new connection to <paramref name="database"/>'s database (<see cref="DuckDBConnection.Duplicate"/>) whose views over
    /// the tables of <paramref name="runDirectory"/> are temporary: private to the connection, gone when it closes.</summary>
    internal static RunDatabase OpenOn(DuckDBConnection database, string runDirectory) =>
        Over(TablesOf(runDirectory), database.Duplicate, temporary: true);

    /// <summary>Opens <paramref name="connect"/>'s connection with a view per table, the tables listed first (so a run that
    /// is not published fails before any connection); the connection is disposed if that fails.</summary>
    private static RunDatabase Over(List<(string Name, IReadOnlyList<string> Parts)> tables, Func<DuckDBConnection> connect, bool temporary)
    {
        var connection = connect();
        try
        {
            connection.Open();
            return WithViews(connection, tables, temporary);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The published tables DuckDB can read, each with its part files.</summary>
    private static List<(string Name, IReadOnlyList<string> Parts)> TablesOf(string runDirectory)
    {
        var files = RunFiles.Published(runDirectory);
        return [.. files.Tables
            .Select(table => (Name: table, Parts: files.PartsOf(table)))
            .Where(table => TableReader(table.Parts[0]) is not null)];
    }

    private static RunDatabase WithViews(DuckDBConnection connection, List<(string Name, IReadOnlyList<string> Parts)> tables, bool temporary)
    {
        foreach (var (name, parts) in tables)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE {(temporary ? "TEMPORARY " : "")}VIEW {SqlText.Identifier(name)} AS SELECT * FROM {TableReader(parts[0])}([{string.Join(", ", parts.Select(p => SqlText.Literal(Path.GetFullPath(p))))}])";
            command.ExecuteNonQuery();
        }
        return new RunDatabase(connection, [.. tables.Select(t => t.Name)]);
    }

    /// <summary>DuckDB's reader for a table part, by its extension (runs write Parquet, or CSV with <c>--format csv</c>).</summary>
    private static string? TableReader(string file) => Path.GetExtension(file) switch
    {
        ".parquet" => "read_parquet",
        ".csv" => "read_csv_auto",
        _ => null,
    };

    /// <summary>Closes the connection.</summary>
    public void Dispose() => Connection.Dispose();
}
