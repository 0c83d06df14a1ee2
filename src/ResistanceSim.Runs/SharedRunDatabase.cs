using DuckDB.NET.Data;
using ResistanceSim.Output.Reading;

namespace ResistanceSim.Runs;

/// <summary>
/// One in-memory DuckDB database kept open for a process that queries many finished runs, one after another or at
/// once (the teaching server's answer checks): starting a database costs more than a run's few queries. Each
/// <see cref="Open"/> is a new connection of its own — a DuckDB connection is not for two threads at once — whose
/// run tables are temporary views that no other connection sees, so runs with the same table names do not meet.
/// </summary>
public sealed class SharedRunDatabase : IDisposable
{
    /// <summary>Holds the database open; never queried, only duplicated.</summary>
    private readonly DuckDBConnection _database;

    /// <summary>Starts the database.</summary>
    public SharedRunDatabase()
    {
        _database = new DuckDBConnection("DataSource=:memory:");
        try
        {
            _database.Open();
            using var command = _database.CreateCommand();
            // A long-lived database would otherwise keep the bytes of every run it read (runs are deleted, not re-read).
            command.CommandText = "SET enable_external_file_cache = false";
            command.ExecuteNonQuery();
        }
        catch
        {
            _database.Dispose();
            throw;
        }
    }

    /// <summary>A connection to the shared database with the tables of <paramref name="runDirectory"/> as views, as
    /// <see cref="RunDatabase.Open"/> gives; dispose it when done. Safe to call from several threads at once.</summary>
    /// <exception cref="RunIncompleteException">As for <see cref="RunDatabase.Open"/>.</exception>
    public RunDatabase Open(string runDirectory)
    {
        ArgumentNullException.ThrowIfNull(runDirectory);
        ObjectDisposedException.ThrowIf(_database.State != System.Data.ConnectionState.Open, this);
        return RunDatabase.OpenOn(_database, runDirectory);
    }

    /// <summary>Closes the database once every connection opened from it is closed.</summary>
    public void Dispose() => _database.Dispose();
}
