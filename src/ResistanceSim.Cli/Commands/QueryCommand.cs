using System.CommandLine;
using DuckDB.NET.Data;
using ResistanceSim.Cli.Query;
using ResistanceSim.Output;
using ResistanceSim.Runs;

namespace ResistanceSim.Cli.Commands;

/// <summary>
/// <c>resistancesim query &lt;run-dir&gt; "SELECT …" [--csv FILE | --parquet FILE]</c>: runs SQL in an in-process DuckDB
/// over a run directory's tables — or a fit's, written by <c>resistancesim calibrate</c> — each a view named after its
/// table (<see cref="RunDatabase"/>), and prints an aligned table or writes the result to a file (<see cref="QueryExport"/>).
/// A missing directory, one neither a run nor a fit wrote, and a query DuckDB rejects exit 2 with one line naming the
/// problem; Ctrl+C interrupts the query (exit 130).
/// </summary>
public static class QueryCommand
{
    public static Command Create(CommandContext context)
    {
        var runDirectory = new Argument<string>("run-dir") { Description = "A run directory written by 'resistancesim run' (e.g. output/quickstart), or a fit's by 'resistancesim calibrate'." };
        var sql = new Argument<string>("sql") { Description = "The query; the tables are views: totals, clones, trajectories, summary, … (a fit's: calibration, posterior, generations, preset_candidates)" };
        var csv = new Option<string?>("--csv") { Description = "Write the result to this CSV file instead of printing it.", HelpName = "FILE" };
        var parquet = new Option<string?>("--parquet") { Description = "Write the result to this Parquet file instead of printing it.", HelpName = "FILE" };
        var command = new Command("query", "Query a run's tables with SQL (DuckDB, in process).") { runDirectory, sql, csv, parquet };
        command.SetAction(parse =>
        {
            string? csvFile = parse.GetValue(csv), parquetFile = parse.GetValue(parquet);
            if (csvFile is not null && parquetFile is not null) throw new UsageException("give --csv or --parquet, not both");
            using var database = Open(parse.GetValue(runDirectory)!);
            string query = parse.GetValue(sql)!;
            if (string.IsNullOrWhiteSpace(query)) throw new UsageException("the query is empty");
            if (csvFile is not null) Export(database, query, csvFile, QueryExportFormat.Csv, context);
            else if (parquetFile is not null) Export(database, query, parquetFile, QueryExportFormat.Parquet, context);
            else Run(database, query, command => AlignedTable.Write(command.ExecuteReader(), context.Output, context.Cancellation), context.Cancellation);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The run's (or fit's) database; a missing folder, or one neither wrote, is a usage error naming the commands that write one.</summary>
    private static RunDatabase Open(string runDirectory)
    {
        if (!Directory.Exists(runDirectory)) throw new UsageException($"run directory '{runDirectory}' does not exist");
        if (File.Exists(Path.Combine(runDirectory, RunManifest.FileName)) || Directory.Exists(Path.Combine(runDirectory, "shards")))
            return RunDatabase.Open(runDirectory);
        if (RunDatabase.IsFit(runDirectory)) return RunDatabase.OpenFit(runDirectory);
        throw new UsageException($"'{runDirectory}' is not a run directory (it has no {RunManifest.FileName}; 'resistancesim run' writes one) " +
            $"nor a fit's (no {RunDatabase.FitMarkerFile}; 'resistancesim calibrate' writes one)");
    }

    private static void Export(RunDatabase database, string query, string target, QueryExportFormat format, CommandContext context)
    {
        string temporary = QueryExport.TemporaryPathFor(target);
        try
        {
            Run(database, QueryExport.CopyStatement(query, temporary, format), command => command.ExecuteNonQuery(), context.Cancellation);
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
        context.Output.WriteLine($"Wrote {target}");
    }

    /// <summary>Runs <paramref name="execute"/> on a command holding <paramref name="sql"/>; cancellation interrupts DuckDB.</summary>
    private static void Run(RunDatabase database, string sql, Action<DuckDBCommand> execute, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        using var command = database.Connection.CreateCommand();
        command.CommandText = sql;
        using var interrupt = cancellation.Register(command.Cancel);
        try
        {
            execute(command);
        }
        catch (DuckDBException) when (cancellation.IsCancellationRequested)
        {
            throw new OperationCanceledException("The query was interrupted.", cancellation);
        }
        catch (DuckDBException e)
        {
            throw new UsageException($"query failed: {e.Message}");
        }
    }
}
