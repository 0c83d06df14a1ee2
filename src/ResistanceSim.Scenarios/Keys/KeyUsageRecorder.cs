using System.Collections.Concurrent;
using ResistanceSim.Scenarios.Yaml;

namespace ResistanceSim.Scenarios.Keys;

/// <summary>
/// Records which declared keys the binders read while it is active (in this async flow only), so a test can show that
/// every key <see cref="ScenarioKeys"/> declares is one the validator actually reads:
/// <code>
/// using var recorder = KeyUsageRecorder.Start();
/// SweepLoader.Load("scenarios/quickstart.yaml");
/// recorder.WasRead(shape, "kind", variant: "bypass");
/// </code>
/// </summary>
public sealed class KeyUsageRecorder : IDisposable
{
    private static readonly AsyncLocal<KeyUsageRecorder?> Active = new();

    // Every key a binder reads asks for the recorder; reading an AsyncLocal costs more than the lookup itself, so a
    // count of recorders started and not yet disposed answers the usual case (none anywhere) without it.
    private static int s_started;

    private readonly ConcurrentDictionary<(MapShape Shape, string? Variant, string Key), bool> _read = new();
    private readonly KeyUsageRecorder? _previous;
    private int _disposed;

    private KeyUsageRecorder(KeyUsageRecorder? previous) => _previous = previous;

    /// <summary>The recorder of this async flow, or null when none is active (the usual case).</summary>
    internal static KeyUsageRecorder? Current => Volatile.Read(ref s_started) == 0 ? null : Active.Value;

    /// <summary>Starts recording in the current async flow until the recorder is disposed.</summary>
    public static KeyUsageRecorder Start()
    {
        var recorder = new KeyUsageRecorder(Active.Value);
        Interlocked.Increment(ref s_started);
        Active.Value = recorder;
        return recorder;
    }

    /// <summary>True if a binder read <paramref name="key"/> of a map of <paramref name="shape"/> (one selecting
    /// the case <paramref name="variant"/>, when given).</summary>
    public bool WasRead(MapShape shape, string key, string? variant = null) =>
        variant is null ? _read.Keys.Any(k => k.Shape == shape && k.Key == key) : _read.ContainsKey((shape, variant, key));

    internal void Record(MapShape? shape, string key, YamlMap map)
    {
        if (shape is null) return;
        _read.TryAdd((shape, shape.Variants?.Select(map)?.When, key), true);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        Active.Value = _previous;
        Interlocked.Decrement(ref s_started);
    }
}
