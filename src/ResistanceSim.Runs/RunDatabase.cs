using DuckDB.NET.Data;
using ResistanceSim.Output.Reading;

namespace ResistanceSim.Runs;

/// <summary>
/// An in-process DuckDB database whose views are the tables of one finished run directory: <c>totals</c>, <c>clones</c>,
/// <c>trajectories</c>, <c>summary</c> and whatever else the run published (<c>assay_fits</c>, <c>endpoints</c>, …),
/// each over exactly the part files its manifest lists, never a half-written one. <c>resistancesim query</c> and
/// programs using this library query runs through it alike.
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
        return Over(runDirectory, () => new DuckDBConnection("DataSource=:memory:"), temporary: false);
    }

    /// <summary>A new connection to <paramref name="database"/>'s database (<see cref="DuckDBConnection.Duplicate"/>) whose views over
    /// the tables of <paramref name="runDirectory"/> are temporary: private to the connection, gone when it closes.</summary>
    internal static RunDatabase OpenOn(DuckDBConnection database, string runDirectory) =>
        Over(runDirectory, database.Duplicate, temporary: true);

    /// <summary>Lists the run's tables first (a run that is not published fails before any connection), then opens
    /// <paramref name="connect"/>'s connection with a view per table; the connection is disposed if that fails.</summary>
    private static RunDatabase Over(string runDirectory, Func<DuckDBConnection> connect, bool temporary)
    {
        var tables = TablesOf(runDirectory);
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
