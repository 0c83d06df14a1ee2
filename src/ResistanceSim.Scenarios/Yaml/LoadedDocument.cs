using ResistanceSim.Scenarios.Diagnostics;

namespace ResistanceSim.Scenarios.Yaml;

/// <summary>
/// A scenario file with its includes merged in: the tree to bind, the files it came from, the merged
/// document as YAML (for the run directory's <c>scenario.yaml</c>) and a hash identifying the inputs.
/// </summary>
public sealed class LoadedDocument
{
    public LoadedDocument(YamlMap root, IReadOnlyList<string> files, string resolvedYaml, byte[] sha256, IReadOnlyList<Diagnostic> diagnostics)
    {
        Root = root;
        Files = files;
        ResolvedYaml = resolvedYaml;
        Sha256 = sha256;
        Diagnostics = diagnostics;
    }

    /// <summary>The merged document, without the <c>include</c> key. After errors it holds whatever could be read.</summary>
    public YamlMap Root { get; }

    /// <summary>The main file, then each included file in the order first read (each once), as displayed in messages.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>The merged document written back as YAML (includes expanded, aliases expanded, comments dropped).</summary>
    public string ResolvedYaml { get; }

    /// <summary>SHA-256 over the files in <see cref="Files"/> order: for each, its byte length (8 bytes, little-endian)
    /// then its bytes. Independent of where the files live; changes when any input changes.</summary>
    public byte[] Sha256 { get; }

    /// <summary><see cref="Sha256"/> as lowercase hex, for manifests.</summary>
    public string Sha256Hex => Convert.ToHexStringLower(Sha256);

    /// <summary>Problems found while reading, parsing and merging, sorted by file, line, column.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
