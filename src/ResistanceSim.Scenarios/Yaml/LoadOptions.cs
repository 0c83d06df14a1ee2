namespace ResistanceSim.Scenarios.Yaml;

/// <summary>How <see cref="ScenarioDocumentLoader"/> finds included files.</summary>
public sealed record LoadOptions
{
    /// <summary>No preset directories: includes resolve relative to the including file only.</summary>
    public static LoadOptions Default { get; } = new();

    /// <summary>Directories tried in order when an include is not found next to the including file
    /// (e.g. the bundled <c>scenarios/</c> or <c>scenarios/presets/</c> directory).</summary>
    public IReadOnlyList<string> PresetDirectories { get; init; } = [];

    /// <summary>
    /// Whether the includes of a scenario given as text are looked for beside it first: in the folder its name anchors,
    /// the working directory for a bare name. False for text from a browser, which may include the bundled presets and
    /// nothing else on the disk: its includes are looked for in <see cref="PresetDirectories"/> only (an absolute path in
    /// none). Files included from there resolve their own includes as usual.
    /// </summary>
    public bool SearchBesideText { get; init; } = true;

    /// <summary>Options searching one presets directory.</summary>
    public static LoadOptions WithPresets(string presetsDirectory) => new() { PresetDirectories = [presetsDirectory] };
}
