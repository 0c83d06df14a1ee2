using ResistanceSim.Runs;

namespace ResistanceSim.Cli.Query;

/// <summary>The file formats <c>resistancesim query</c> writes a result in.</summary>
public enum QueryExportFormat
{
    Csv,
    Parquet,
}

/// <summary>
/// Writes a query's result to a file with DuckDB's <c>COPY … TO</c>: first to a temporary file beside the target, then
/// renamed over it, so the target is either the whole result or untouched (a failed or interrupted query leaves
/// nothing half-written).
/// </summary>
public static class QueryExport
{
    /// <summary>The <c>COPY</c> statement writing <paramref name="query"/> to <paramref name="temporaryPath"/>.</summary>
    public static string CopyStatement(string query, string temporaryPath, QueryExportFormat format)
    {
        ArgumentNullException.ThrowIfNull(query);
        string options = format == QueryExportFormat.Csv ? "FORMAT csv, HEADER true" : "FORMAT parquet";
        return $"COPY ({query.Trim().TrimEnd(';')}) TO {SqlText.Literal(temporaryPath)} ({options})";
    }

    /// <summary>A temporary name in the target's directory (so the final rename stays on one file system).</summary>
    public static string TemporaryPathFor(string target)
    {
        string full = Path.GetFullPath(target);
        string directory = Path.GetDirectoryName(full) ?? ".";
        return Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
    }
}
