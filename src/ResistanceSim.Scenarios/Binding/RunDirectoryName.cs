using System.Text.RegularExpressions;

namespace ResistanceSim.Scenarios.Binding;

/// <summary>
/// A scenario's <c>name</c> becomes the run directory <c>&lt;out&gt;/&lt;name&gt;</c>, so it must be one safe path
/// segment: letters, digits, '.', '_' and '-', not "." or ".." (which would write into --out itself or the folder
/// above it), not starting with '-' (read as an option by shell tools) and short enough for every file system.
/// </summary>
public static partial class RunDirectoryName
{
    /// <summary>Longest name: file systems allow 255 bytes per segment; the rest is left for suffixes.</summary>
    public const int MaxLength = 100;

    /// <summary>What is wrong with <paramref name="name"/> (completes "name must be …"), or null when it is safe.</summary>
    public static string? Problem(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!Allowed().IsMatch(name)) return "letters, digits, '.', '_' or '-' (it names the output directory)";
        if (name is "." or "..") return "a directory name, not '.' or '..' (it names the output directory)";
        if (name.StartsWith('-')) return "a name that does not start with '-' (it names the output directory)";
        if (name.Length > MaxLength) return $"at most {MaxLength} characters long (it names the output directory)";
        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex Allowed();
}
