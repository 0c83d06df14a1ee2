namespace ResistanceSim.Runs;

/// <summary>Quoting for SQL written around a <see cref="RunDatabase"/> (view names, file paths), so names with quotes stay names.</summary>
public static class SqlText
{
    /// <summary><paramref name="name"/> as a double-quoted SQL identifier.</summary>
    public static string Identifier(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary><paramref name="text"/> as a single-quoted SQL string literal.</summary>
    public static string Literal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
    }
}
