using System.Security.Cryptography;
using System.Text;
using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Yaml;

namespace ResistanceSim.Scenarios.Overrides;

/// <summary>
/// Patches overrides into a loaded document before anything reads it (so they reach arms, sweeps and
/// <c>cohort.variability</c> alike). The resolved YAML is written anew and the hash covers the overrides, so a run
/// directory records exactly what ran and a resumed run with other values is refused.
/// </summary>
public static class DocumentOverrides
{
    public static LoadedDocument Apply(LoadedDocument document, IReadOnlyList<ScenarioOverride> overrides, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(overrides);
        ArgumentNullException.ThrowIfNull(bag);
        if (overrides.Count == 0 || document.HasErrors) return document;
        var root = document.Root;
        foreach (var item in overrides) root = root.WithValue(item.Path, item.Value, item.Origin, bag, createMissingKey: true);
        string header = "Overrides: " + string.Join(", ", overrides);
        string resolved = YamlDocumentWriter.Write(root, [.. document.ResolvedYaml.Split('\n').TakeWhile(l => l.StartsWith('#')).Select(l => l.TrimStart('#', ' ')), header]);
        return new LoadedDocument(root, document.Files, resolved, Hash(document.Sha256, header), document.Diagnostics);
    }

    private static byte[] Hash(byte[] inputs, string overrides)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(inputs);
        sha.AppendData(Encoding.UTF8.GetBytes(overrides));
        return sha.GetHashAndReset();
    }
}
