using System.Text.RegularExpressions;

namespace ResistanceSim.Docs;

/// <summary>The numbers a table cell shows, as written: <c>**11.0** [9.7, 12.4]</c> → 11.0, 9.7, 12.4. Text in
/// parentheses is commentary (published values, derived ratios) and is not compared.</summary>
public static partial class Numbers
{
    public static IReadOnlyList<string> In(string cell) =>
        [.. Number().Matches(Parenthesised().Replace(cell, "")).Select(m => m.Value)];

    /// <summary>Collapses runs of spaces: compares printed columns whatever their padding.</summary>
    public static string Words(string line) => Spaces().Replace(line.Trim(), " ");

    [GeneratedRegex(@"-?\d+(?:\.\d+)?(?:e[+-]?\d+)?")]
    private static partial Regex Number();

    [GeneratedRegex(@"\([^()]*\)")]
    private static partial Regex Parenthesised();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
