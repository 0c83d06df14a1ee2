namespace ResistanceSim.Scenarios.Schema;

/// <summary>
/// The first line of a scenario or preset file that tells YAML editors which JSON Schema it follows
/// (<c># yaml-language-server: $schema=PATH</c>, PATH relative to the file's folder; docs/editor-setup.md).
/// </summary>
public static class SchemaModeline
{
    public const string Prefix = "# yaml-language-server: $schema=";

    /// <summary>The schema path the first line of <paramref name="text"/> names, or null when it names none.</summary>
    public static string? SchemaPath(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string first = FirstLine(text);
        return first.StartsWith(Prefix, StringComparison.Ordinal) ? first[Prefix.Length..].Trim() : null;
    }

    /// <summary><paramref name="text"/> with its first line naming <paramref name="schemaPath"/> instead; the rest unchanged.</summary>
    public static string WithSchemaPath(string text, string schemaPath)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (SchemaPath(text) is null) throw new ArgumentException("the text has no schema line to rewrite", nameof(text));
        return Prefix + schemaPath + text[FirstLine(text).Length..];
    }

    private static string FirstLine(string text)
    {
        int end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }
}
