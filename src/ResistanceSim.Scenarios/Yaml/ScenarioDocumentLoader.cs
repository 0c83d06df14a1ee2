using System.Security.Cryptography;
using System.Text;
using ResistanceSim.Scenarios.Diagnostics;

namespace ResistanceSim.Scenarios.Yaml;

/// <summary>
/// Loads a scenario file and the preset files it includes into one located tree.
/// <para>A top-level <c>include:</c> (a file name or a list of them) names files relative to the including file,
/// or failing that relative to each <see cref="LoadOptions.PresetDirectories"/> entry. Included files may include
/// others; a cycle is a located error. The including document is merged OVER its includes, and a later include
/// over an earlier one (<see cref="DocumentMerger"/>): maps merge deeply, scalars and lists are replaced.</para>
/// <para>Every problem (unreadable file, syntax error, missing include, cycle, non-map top level) is recorded as a
/// located diagnostic; nothing throws for bad input.</para>
/// </summary>
public static class ScenarioDocumentLoader
{
    /// <summary>The top-level key naming included files.</summary>
    public const string IncludeKey = "include";

    /// <summary>Loads <paramref name="path"/> (shown in messages exactly as given) with its includes.</summary>
    public static LoadedDocument Load(string path, LoadOptions options)
    {
        var bag = new DiagnosticBag();
        return Load(path, options, bag);
    }

    /// <summary>As <see cref="Load(string, LoadOptions)"/>, recording problems in the caller's bag as well.</summary>
    public static LoadedDocument Load(string path, LoadOptions options, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new Session(options, bag).Run(path, text: null);
    }

    /// <summary>Loads a scenario given as text; <paramref name="path"/> names it in messages and anchors relative includes.</summary>
    public static LoadedDocument LoadText(string text, string path, LoadOptions options, DiagnosticBag? bag = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        return new Session(options, bag ?? new DiagnosticBag()).Run(path, text);
    }

    /// <summary>One load: the files read so far (for the hash and to read each once) and the include stack (for cycles).</summary>
    private sealed class Session(LoadOptions options, DiagnosticBag outerBag)
    {
        private readonly LoadOptions _options = options ?? throw new ArgumentNullException(nameof(options));
        private readonly DiagnosticBag _bag = new();
        private readonly List<string> _displayNames = [];
        private readonly List<byte[]> _contents = [];
        private readonly Dictionary<string, YamlMap> _loadedByFullPath = new(StringComparer.Ordinal);
        private readonly List<string> _stack = [];
        private string? _textFullPath;

        public LoadedDocument Run(string path, string? text)
        {
            ArgumentNullException.ThrowIfNull(outerBag);
            var start = SourceLocation.StartOf(path);
            if (text is not null) _textFullPath = Path.GetFullPath(path);
            var root = LoadFile(Path.GetFullPath(path), path, text, includedAt: null) ?? YamlMap.Empty(start);
            outerBag.AddRange(_bag.InRecordedOrder);
            string resolved = YamlDocumentWriter.Write(root, Header());
            return new LoadedDocument(root, _displayNames.ToArray(), resolved, Hash(), _bag.Sorted());
        }

        /// <summary>The file's tree with its includes merged in, or null if it could not be read or parsed.</summary>
        private YamlMap? LoadFile(string fullPath, string displayName, string? text, YamlScalar? includedAt)
        {
            if (_loadedByFullPath.TryGetValue(fullPath, out var cached)) return cached;
            if (text is null)
            {
                byte[]? bytes = Read(fullPath, displayName, includedAt);
                if (bytes is null) return null;
                text = Decode(bytes);
                Remember(displayName, bytes);
            }
            else
            {
                byte[] bytes = Encoding.UTF8.GetBytes(text);
                if (bytes.Length > ScenarioFileReader.MaxBytes)
                {
                    _bag.Error(SourceLocation.StartOf(displayName), "", $"cannot read {displayName}: the text is larger than the limit of {ScenarioFileReader.MaxBytes / (1024 * 1024)} MiB for a scenario");
                    return null;
                }
                Remember(displayName, bytes);
            }

            var parsed = YamlDocumentParser.Parse(text, displayName, _bag);
            if (parsed is null) return null;
            if (parsed is not YamlMap document)
            {
                _bag.Error(parsed.Location, "", $"the top level of {displayName} must be a map of key: value settings, not {parsed.KindDescription}");
                return null;
            }

            _stack.Add(fullPath);
            YamlMap? merged = null;
            foreach (var include in IncludeNames(document))
            {
                var included = LoadInclude(include, fullPath, displayName);
                if (included is not null) merged = merged is null ? included : DocumentMerger.Merge(merged, included);
            }
            _stack.RemoveAt(_stack.Count - 1);

            var own = document.Without(IncludeKey);
            var result = merged is null ? own : DocumentMerger.Merge(merged, own);
            _loadedByFullPath[fullPath] = result;
            return result;
        }

        private YamlMap? LoadInclude(YamlScalar include, string includerFullPath, string includerDisplayName)
        {
            if (include.Text.Any(char.IsControl))
            {
                // A NUL is not allowed in any path; a line break or tab in a file name is almost certainly a typo.
                _bag.Error(include.Location, IncludeKey, $"included file name must not contain control characters ('{include.Text}' supplied)");
                return null;
            }
            var candidates = Candidates(include.Text, includerFullPath, includerDisplayName);
            var found = candidates.FirstOrDefault(c => File.Exists(c.FullPath));
            if (found.FullPath is null)
            {
                string places = candidates.Count == 0 ? "nowhere: only the preset folders are searched" : string.Join(", ", candidates.Select(c => c.DisplayName));
                _bag.Error(include.Location, IncludeKey, $"included file '{include.Text}' not found (looked for {places})");
                return null;
            }
            int cycleStart = _stack.IndexOf(found.FullPath);
            if (cycleStart >= 0)
            {
                var chain = _stack.Skip(cycleStart).Append(found.FullPath).Select(p => Path.GetFileName(p));
                _bag.Error(include.Location, IncludeKey, $"include cycle: {string.Join(" -> ", chain)}");
                return null;
            }
            return LoadFile(found.FullPath, found.DisplayName, text: null, include);
        }

        /// <summary>Where an include may live: next to the including file (unless <see cref="LoadOptions.SearchBesideText"/> rules it out), then in each preset directory.</summary>
        private List<(string FullPath, string DisplayName)> Candidates(string name, string includerFullPath, string includerDisplayName)
        {
            var candidates = new List<(string, string)>();
            bool presetsOnly = !_options.SearchBesideText && includerFullPath == _textFullPath;
            if (Path.IsPathRooted(name))
            {
                // Combined with a preset directory, an absolute path would still name itself.
                if (!presetsOnly) candidates.Add((Path.GetFullPath(name), name));
                return candidates;
            }
            string includerDirectory = Path.GetDirectoryName(includerFullPath) ?? "";
            // Shown relative to the including file as the user wrote it ("scenarios/presets/x.yaml").
            string shownDirectory = Path.GetDirectoryName(includerDisplayName) ?? "";
            if (!presetsOnly) candidates.Add(Candidate(Path.Combine(includerDirectory, name), Path.Combine(shownDirectory, name)));
            foreach (string directory in _options.PresetDirectories)
                candidates.Add(Candidate(Path.Combine(directory, name), Path.Combine(directory, name)));
            return candidates;
        }

        /// <summary>The include names of a document: a string or a list of strings; anything else is reported.</summary>
        private List<YamlScalar> IncludeNames(YamlMap document)
        {
            var names = new List<YamlScalar>();
            if (!document.TryGetValue(IncludeKey, out var value) || value is YamlScalar { IsNull: true }) return names;
            var items = value is YamlSeq seq ? seq.Items : [value];
            for (int i = 0; i < items.Count; i++)
            {
                if (items[i] is YamlScalar { IsNull: false } scalar && scalar.Text.Trim().Length > 0) names.Add(scalar);
                else
                {
                    string path = value is YamlSeq ? ScenarioPathText.Index(IncludeKey, i) : IncludeKey;
                    _bag.Error(items[i].Location, path, $"{path} must be a file name or a list of file names, not {Supplied(items[i])}");
                }
            }
            return names;
        }

        private static string Supplied(YamlNodeBase node) => node is YamlScalar ? "an empty value" : node.KindDescription;

        private byte[]? Read(string fullPath, string displayName, YamlScalar? includedAt)
        {
            byte[]? bytes = ScenarioFileReader.TryRead(fullPath, out string? problem);
            if (bytes is null)
            {
                var location = includedAt?.Location ?? SourceLocation.StartOf(displayName);
                _bag.Error(location, includedAt is null ? "" : IncludeKey, $"cannot read {displayName}: {problem}");
            }
            return bytes;
        }

        private void Remember(string displayName, byte[] bytes)
        {
            _displayNames.Add(displayName);
            _contents.Add(bytes);
        }

        private static string Decode(byte[] bytes)
        {
            using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }

        private IEnumerable<string> Header() =>
            _displayNames.Count <= 1
                ? [$"Resolved scenario from {string.Join("", _displayNames)}"]
                : ["Resolved scenario (includes merged) from:", .. _displayNames.Select(n => "  " + n)];

        private byte[] Hash()
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            Span<byte> length = stackalloc byte[8];
            foreach (byte[] content in _contents)
            {
                System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(length, content.LongLength);
                sha.AppendData(length);
                sha.AppendData(content);
            }
            return sha.GetHashAndReset();
        }

        /// <summary>A candidate file; a relative display name is shown relative to the working directory (as the main
        /// file's path is), which also folds "a/../b" away.</summary>
        private static (string FullPath, string DisplayName) Candidate(string path, string shown)
        {
            string full = Path.GetFullPath(path);
            string display = Path.IsPathRooted(shown) ? full : Path.GetRelativePath(Environment.CurrentDirectory, full);
            return (full, display.Replace('\\', '/'));
        }
    }
}
