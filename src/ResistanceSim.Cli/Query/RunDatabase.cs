using DuckDB.NET.Data;
using ResistanceSim.Output;
using ResistanceSim.Output.Reading;

namespace ResistanceSim.Cli.Query;

/// <summary>
/// An in-process DuckDB database whose views are the tables of one run directory: <c>totals</c>, <c>clones</c>,
/// <c>trajectories</c>, <c>summary</c> and whatever else the run published (<c>endpoints</c>, <c>points</c>, …), each
/// over exactly the part files its manifest lists (<see cref="RunFiles.Published"/>), never a half-written one.
/// </summary>
public sealed class RunDatabase : IDisposable
{
    private RunDatabase(DuckDBConnection connection, IReadOnlyList<string> tables)
    {
        Connection = connection;
        Tables = tables;
    }

    public DuckDBConnection Connection { get; }

    /// <summary>The views, in ordinal order.</summary>
    public IReadOnlyList<string> Tables { get; }

    /// <summary>Opens <paramref name="runDirectory"/>; throws <see cref="UsageException"/> when it is missing or not a
    /// run directory, <see cref="RunIncompleteException"/> when its run has not published its tables.</summary>
    public static RunDatabase Open(string runDirectory)
    {
        ArgumentNullException.ThrowIfNull(runDirectory);
        if (!Directory.Exists(runDirectory)) throw new UsageException($"run directory '{runDirectory}' does not exist");
        if (!File.Exists(Path.Combine(runDirectory, RunManifest.FileName)) && !Directory.Exists(Path.Combine(runDirectory, "shards")))
            throw new UsageException($"'{runDirectory}' is not a run directory (it has no {RunManifest.FileName}; 'resistancesim run' writes one)");
        var files = RunFiles.Published(runDirectory);
        var tables = files.Relative
            .Where(f => f.Contains('/', StringComparison.Ordinal) && TableReader(f) is not null)
            .GroupBy(f => f[..f.IndexOf('/', StringComparison.Ordinal)], StringComparer.Ordinal)
            .Where(g => g.Key is not ("plots" or "shards"))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();

        var connection = new DuckDBConnection("DataSource=:memory:");
        try
        {
            connection.Open();
            foreach (var table in tables)
            {
                var parts = table.Select(f => Path.GetFullPath(Path.Combine(runDirectory, f))).ToList();
                string reader = TableReader(parts[0])!;
                using var command = connection.CreateCommand();
                command.CommandText = $"CREATE VIEW {Sql.Identifier(table.Key)} AS SELECT * FROM {reader}([{string.Join(", ", parts.Select(Sql.Literal))}])";
                command.ExecuteNonQuery();
            }
            return new RunDatabase(connection, [.. tables.Select(t => t.Key)]);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>DuckDB's reader for a table part, by its extension (runs write Parquet, or CSV with <c>--format csv</c>).</summary>
    private static string? TableReader(string file) => Path.GetExtension(file) switch
    {
        ".parquet" => "read_parquet",
        ".csv" => "read_csv_auto",
        _ => null,
    };

    public void Dispose() => Connection.Dispose();
}
