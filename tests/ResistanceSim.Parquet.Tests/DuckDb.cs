using DuckDB.NET.Data;

namespace ResistanceSim.Parquet.Tests;

/// <summary>
/// DuckDB in-process (DuckDB.NET.Data.Full bundles the native library): an independent Parquet
/// writer for fixtures and an independent reader for checking our writer.
/// </summary>
internal static class DuckDb
{
    public static void Execute(string sql)
    {
        using DuckDBConnection connection = Open();
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Every row of a query, in the order DuckDB returns them; SQL NULL is null.</summary>
    public static List<object?[]> Query(string sql)
    {
        using DuckDBConnection connection = Open();
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = sql;
        using DuckDBDataReader reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (int c = 0; c < row.Length; c++)
            {
                row[c] = reader.IsDBNull(c) ? null : reader.GetValue(c);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>A path as a SQL string literal.</summary>
    public static string Literal(string path) => $"'{path.Replace("'", "''", StringComparison.Ordinal)}'";

    private static DuckDBConnection Open()
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        return connection;
    }
}
