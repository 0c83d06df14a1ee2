using ResistanceSim.Scenarios.Diagnostics;

namespace ResistanceSim.Scenarios.Yaml;

/// <summary>
/// Replaces one scalar of a tree (how sweeps set a parameter). Builds a new tree sharing every untouched node;
/// the new scalar is plain and located at the origin given (e.g. the sweep entry), so a bad swept value is
/// reported where the sweep wrote it.
/// </summary>
public static class YamlPatcher
{
    /// <summary>
    /// The tree with the scalar at <paramref name="path"/> set to <paramref name="scalarText"/>, or
    /// <paramref name="root"/> unchanged after reporting (at <paramref name="origin"/>) why the path cannot be set:
    /// a missing key (with the nearest existing key suggested), an index out of range, or a path that runs into
    /// a value or ends at a map or list.
    /// </summary>
    /// <param name="createMissingKey">When true, a missing LAST key is added to its (existing) map instead of
    /// being an error — for sweeping a parameter that the scenario leaves at its default.</param>
    public static YamlMap WithValue(YamlMap root, YamlPath path, string scalarText, SourceLocation origin, DiagnosticBag bag, bool createMissingKey = false)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(scalarText);
        ArgumentNullException.ThrowIfNull(bag);
        var patch = new Patch(path, scalarText, origin, bag, createMissingKey);
        return patch.Apply(root, 0) as YamlMap ?? root;
    }

    private sealed record Patch(YamlPath Path, string Text, SourceLocation Origin, DiagnosticBag Bag, bool CreateMissingKey)
    {
        private string Full => Path.ToString();

        /// <summary>The replacement for <paramref name="node"/> (reached by the first <paramref name="depth"/> segments), or null after an error.</summary>
        public YamlNodeBase? Apply(YamlNodeBase node, int depth)
        {
            if (depth == Path.Segments.Count)
            {
                if (node is YamlScalar scalar) return scalar.WithText(Text, Origin);
                return Fail($"cannot set '{Full}': it is {node.KindDescription}, not a single value");
            }
            var segment = Path.Segments[depth];
            return segment.IsIndex ? ApplyIndex(node, segment.Index, depth) : ApplyKey(node, segment.Key!, depth);
        }

        /// <summary>The path walked to depth <paramref name="depth"/>, as messages name it.</summary>
        private string Walked(int depth) => ScenarioPathText.Describe(Path.ToString(depth));

        private YamlNodeBase? ApplyKey(YamlNodeBase node, string key, int depth)
        {
            if (node is not YamlMap map)
                return Fail($"cannot set '{Full}': {Walked(depth)} is {node.KindDescription}, not a map, so it has no key '{key}'");
            if (!map.TryGetEntry(key, out var entry))
            {
                if (CreateMissingKey && depth == Path.Segments.Count - 1)
                    return map.With(new YamlScalar(key, YamlScalarStyle.Plain, Origin), new YamlScalar(Text, YamlScalarStyle.Plain, Origin));
                return Fail($"cannot set '{Full}': {Walked(depth)} has no key '{key}'{KeySuggester.DidYouMean(key, map.Keys)}");
            }
            var replaced = Apply(entry.Value, depth + 1);
            return replaced is null ? null : map.With(entry.Key, replaced);
        }

        private YamlNodeBase? ApplyIndex(YamlNodeBase node, int index, int depth)
        {
            if (node is not YamlSeq seq)
                return Fail($"cannot set '{Full}': {Walked(depth)} is {node.KindDescription}, not a list, so it has no item [{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}]");
            if (index >= seq.Count)
            {
                string items = seq.Count == 1 ? "1 item" : $"{seq.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)} items";
                return Fail($"cannot set '{Full}': {Walked(depth)} has {items}, so index {index.ToString(System.Globalization.CultureInfo.InvariantCulture)} is out of range");
            }
            var replaced = Apply(seq[index], depth + 1);
            return replaced is null ? null : seq.WithItem(index, replaced);
        }

        private YamlNodeBase? Fail(string message)
        {
            Bag.Error(Origin, Full, message);
            return null;
        }
    }
}
