using ResistanceSim.Scenarios.Yaml;

namespace ResistanceSim.Scenarios.Bundled;

/// <summary>
/// The scenarios and presets that ship beside the executable (and inside the .NET tool), laid out as in the
/// repository: <c>scenarios/*.yaml</c>, <c>scenarios/presets/*.yaml</c>, and one folder up the schema files their
/// first lines name. A scenario's name is its file name without <c>.yaml</c>.
/// </summary>
public static class BundledScenarios
{
    private const string Extension = ".yaml";

    /// <summary>The bundled <c>scenarios/</c> folder.</summary>
    public static string Root => Path.Combine(AppContext.BaseDirectory, "scenarios");

    /// <summary>
    /// Where includes are looked for when they are not next to the including file: the bundled folder, so
    /// <c>include: [presets/drugs.yaml]</c> resolves from any scenario file, inside the repository or not.
    /// </summary>
    public static LoadOptions IncludeOptions =>
        Directory.Exists(Path.Combine(Root, "presets")) ? LoadOptions.WithPresets(Root) : LoadOptions.Default;

    /// <summary>The names of the bundled scenarios, in ordinal order (none when the folder is missing).</summary>
    public static IReadOnlyList<string> Names() =>
        Directory.Exists(Root)
            ? [.. Directory.EnumerateFiles(Root, "*" + Extension).Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal)]
            : [];

    /// <summary>The file of the bundled scenario <paramref name="name"/>, or null when no scenario has that name.</summary>
    public static string? Find(string name) =>
        Names().Contains(name, StringComparer.Ordinal) ? Path.Combine(Root, name + Extension) : null;
}
