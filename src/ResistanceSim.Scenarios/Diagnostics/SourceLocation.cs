using System.Globalization;

namespace ResistanceSim.Scenarios.Diagnostics;

/// <summary>
/// A place in a scenario source: the file path exactly as the user (or the including file) gave it,
/// and a 1-based line and column. <see cref="Unknown"/> is for values that came from nowhere in a file.
/// </summary>
public readonly record struct SourceLocation(string File, int Line, int Column) : IComparable<SourceLocation>
{
    /// <summary>A location for values that have no place in any file (e.g. built-in defaults).</summary>
    public static SourceLocation Unknown { get; } = new("<unknown>", 0, 0);

    /// <summary>The start of a file (line 1, column 1): where file-wide problems are reported.</summary>
    public static SourceLocation StartOf(string file) => new(file, 1, 1);

    /// <summary>Orders by file (ordinal), then line, then column — the reporting order.</summary>
    public int CompareTo(SourceLocation other)
    {
        int byFile = string.CompareOrdinal(File, other.File);
        if (byFile != 0) return byFile;
        int byLine = Line.CompareTo(other.Line);
        return byLine != 0 ? byLine : Column.CompareTo(other.Column);
    }

    /// <summary><c>file:line:col</c>, the form compilers use, so editors and terminals can jump to it.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}");
}
