namespace ResistanceSim.Scenarios.Yaml;

/// <summary>How <see cref="ScenarioDocumentLoader"/> finds included files.</summary>
public sealed record LoadOptions
{
    /// <summary>No preset directories: includes resolve relative to the including file only.</summary>
    public static LoadOptions Default { get; } = new();

    /// <summary>Directories tried in order when an include is not found next to the including file
    /// (e.g. the bundled <c>scenarios/</c> or <c>scenarios/presets/</c> directory).</summary>
    public IReadOnlyList<string> PresetDirectories { get; init; } = [];

    /// <summary>Options searching one presets directory.</summary>
    public static LoadOptions WithPresets(string presetsDirectory) => new() { PresetDirectories = [presetsDirectory] };
}
