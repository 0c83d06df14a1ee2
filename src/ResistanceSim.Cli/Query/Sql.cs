namespace ResistanceSim.Cli.Query;

/// <summary>Quoting for the SQL the query command writes itself (view names, file paths).</summary>
internal static class Sql
{
    public static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
