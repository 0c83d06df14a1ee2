using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Schema;
using ResistanceSim.Scenarios.Yaml;

namespace ResistanceSim.Scenarios.Bundled;

/// <summary>
/// What copying a scenario into a folder writes: the scenario and every file it includes (found by the loader
/// itself, so exactly the files a run would read), at the same places relative to the scenario, so its relative
/// includes resolve in the copy without the bundled presets; and the schema files their first lines name, placed in
/// the folder, each first line rewritten to point at its copy so editors keep checking the files.
/// </summary>
public static class ScenarioCopyPlan
{
    /// <summary>The files copying <paramref name="scenarioPath"/> into <paramref name="destination"/> writes;
    /// throws <see cref="ScenarioValidationException"/> when the scenario or an include cannot be read.</summary>
    public static IReadOnlyList<PlannedFile> For(string scenarioPath, string destination)
    {
        ArgumentNullException.ThrowIfNull(scenarioPath);
        ArgumentNullException.ThrowIfNull(destination);
        string source = Path.GetFullPath(scenarioPath);
        string sourceFolder = Path.GetDirectoryName(source)!;
        string target = Path.GetFullPath(destination);

        var bag = new DiagnosticBag();
        // No preset directories: every include must then be found beside the scenario, so it is copied with it.
        var document = ScenarioDocumentLoader.Load(source, LoadOptions.Default, bag);
        bag.ThrowIfErrors();

        var files = new List<PlannedFile>();
        var schemas = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string file in document.Files)
        {
            string relative = Path.GetRelativePath(sourceFolder, file);
            if (relative.StartsWith("..", StringComparison.Ordinal))
                throw new InvalidOperationException($"{scenarioPath} includes {file}, outside its folder: a copy could not keep the include's relative place");
            string fileTarget = Path.Combine(target, relative);
            string text = File.ReadAllText(file);
            if (SchemaModeline.SchemaPath(text) is { } schemaPath && File.Exists(Path.Combine(Path.GetDirectoryName(file)!, schemaPath)))
            {
                string schemaSource = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, schemaPath));
                string schemaTarget = Path.Combine(target, Path.GetFileName(schemaSource));
                schemas.TryAdd(schemaTarget, schemaSource);
                string pointer = Path.GetRelativePath(Path.GetDirectoryName(fileTarget)!, schemaTarget).Replace('\\', '/');
                text = SchemaModeline.WithSchemaPath(text, pointer);
            }
            files.Add(new PlannedFile(fileTarget, text));
        }
        files.AddRange(schemas.Select(s => new PlannedFile(s.Key, File.ReadAllText(s.Value))));
        return files;
    }
}
