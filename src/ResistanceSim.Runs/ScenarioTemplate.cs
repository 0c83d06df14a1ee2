using ResistanceSim.Scenarios.Sweeps;
using ResistanceSim.Scenarios.Yaml;

namespace ResistanceSim.Runs;

/// <summary>
/// A scenario file read once, with its includes merged, from which runnable scenarios are made with different overrides
/// (a teaching server's lesson, run by a class with slider values). Reading, parsing and merging the files is done
/// once; each <see cref="Load"/> patches its overrides into the tree and validates it as a freshly read file, so it
/// returns the same scenario, or the same located problems, as <see cref="RunnableScenario.Load"/> on the path
/// while the files are unchanged. Safe to use from several threads: the read tree is never changed.
/// </summary>
public sealed class ScenarioTemplate
{
    private readonly LoadedDocument _document;

    private ScenarioTemplate(string path, LoadedDocument document)
    {
        Path = path;
        _document = document;
    }

    /// <summary>The file path as given; diagnostics and <see cref="RunnableScenario.Origin"/> name it.</summary>
    public string Path { get; }

    /// <summary>Reads <paramref name="path"/> and its includes now; problems reading them are reported by every <see cref="Load"/>.</summary>
    public static ScenarioTemplate Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new ScenarioTemplate(path, SweepLoader.Read(path));
    }

    /// <summary>The scenario with <paramref name="overrides"/> patched in, validated; as <see cref="RunnableScenario.Load"/>.</summary>
    public ScenarioLoadResult Load(IEnumerable<KeyValuePair<string, string>>? overrides = null) =>
        RunnableScenario.LoadChecked(Path, overrides, parsed => SweepLoader.Load(_document, parsed));
}
