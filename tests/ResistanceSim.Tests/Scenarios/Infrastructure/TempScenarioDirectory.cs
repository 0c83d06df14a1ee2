namespace ResistanceSim.Tests.Scenarios.Infrastructure;

/// <summary>A throw-away directory for scenario files written by a test; deleted on dispose.</summary>
public sealed class TempScenarioDirectory : IDisposable
{
    public TempScenarioDirectory()
    {
        Root = Path.Combine(Path.GetTempPath(), "resistancesim-yaml-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>Writes <paramref name="yaml"/> to <paramref name="relativePath"/> (folders created) and returns the full path.</summary>
    public string Write(string relativePath, string yaml)
    {
        string path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, yaml.ReplaceLineEndings("\n"));
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { /* best effort: a leftover temp folder is harmless */ }
    }
}
