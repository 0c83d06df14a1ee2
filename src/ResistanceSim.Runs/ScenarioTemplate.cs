using System.Collections.Concurrent;
using ResistanceSim.Scenarios.Sweeps;
using ResistanceSim.Scenarios.Yaml;

namespace ResistanceSim.Runs;

/// <summary>
/// A scenario file read once, with its includes merged, from which runnable scenarios are made with different overrides
/// (a teaching server's lesson, run by a class with slider values). Reading, parsing and merging the files is done
/// once; each <see cref="Load"/> patches its overrides into the tree and validates it as a freshly read file, so it
/// returns the same scenario, or the same located problems, as <see cref="RunnableScenario.Load"/> on the path
/// while the files are unchanged. Safe to use from several threads: the read tree is never changed.
/// <para>The same overrides give the same result, so up to <see cref="MaxRemembered"/> results are kept and returned
/// again (all are forgotten when one more distinct list arrives): a class that runs a lesson at its defaults validates
/// it once, not once per student.</para>
/// </summary>
public sealed class ScenarioTemplate
{
    /// <summary>How many distinct override lists keep their result (a lesson's sliders give a few dozen in a class).</summary>
    public const int MaxRemembered = 64;

    private readonly LoadedDocument _document;
    private readonly ConcurrentDictionary<string, ScenarioLoadResult> _remembered = new(StringComparer.Ordinal);

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

    /// <summary>
    /// The scenario with <paramref name="overrides"/> patched in, validated; as <see cref="RunnableScenario.Load"/>. The
    /// result is shared by every caller with the same overrides: a <see cref="RunnableScenario"/> is immutable.
    /// </summary>
    public ScenarioLoadResult Load(IEnumerable<KeyValuePair<string, string>>? overrides = null)
    {
        var list = overrides?.ToList() ?? [];
        // Each text prefixed by its length: no two override lists share a key, whatever characters they hold.
        string key = string.Concat(list.Select(o => $"{o.Key.Length}:{o.Key}{o.Value.Length}:{o.Value}"));
        if (_remembered.TryGetValue(key, out var known)) return known;
        var loaded = RunnableScenario.LoadChecked(Path, list, parsed => SweepLoader.Load(_document, parsed));
        if (_remembered.Count >= MaxRemembered) _remembered.Clear();   // bounded: a class moves on to new values
        return _remembered.GetOrAdd(key, loaded);
    }
}
