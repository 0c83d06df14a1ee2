using System.Text.RegularExpressions;
using ResistanceSim.Scenarios.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ResistanceSim.Scenarios.Yaml;

/// <summary>
/// Turns YAML text into a located node tree, reporting problems to a <see cref="DiagnosticBag"/> instead of
/// throwing: syntax errors (located where YamlDotNet detects them), duplicate keys, unknown aliases,
/// unsupported tags, more than one document, non-scalar keys and excessive nesting.
/// Anchors and aliases are supported (an alias is the very node its anchor names, so errors in it point to
/// the anchor's definition). Merge keys (<c>&lt;&lt;: *base</c>, YAML 1.1) are supported: explicit keys win
/// over merged ones, and among several merged maps the earlier one wins.
/// </summary>
public static partial class YamlDocumentParser
{
    /// <summary>Deeper nesting than this is reported instead of risking a stack overflow.</summary>
    public const int MaxDepth = 256;

    /// <summary>A document whose aliases expand to more nodes than this is rejected ("billion laughs"):
    /// binding and writing the resolved scenario walk the expanded tree.</summary>
    public const long MaxExpandedNodes = 1_000_000;

    /// <summary>
    /// Parses one YAML document. Returns null when the text has a syntax error (already reported);
    /// an empty document is an empty map at 1:1.
    /// </summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="file">The file name to put in locations, as the user gave it.</param>
    /// <param name="bag">Where problems are recorded.</param>
    public static YamlNodeBase? Parse(string text, string file, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(bag);
        using var reader = new StringReader(text);
        var builder = new TreeBuilder(new Parser(reader), file, bag);
        try
        {
            return builder.ReadStream();
        }
        catch (YamlException e)
        {
            bag.Error(ToLocation(file, e.Start), "", $"YAML syntax error: {WithoutMarks(e.Message)}");
            return null;
        }
        catch (NestingTooDeepException e)
        {
            bag.Error(e.Location, "", $"{e.Subject} is nested more than {MaxDepth} levels deep");
            return null;
        }
    }

    /// <summary>Ends the parse at the first node deeper than <see cref="MaxDepth"/>: skipping the rest of the nested
    /// events instead costs time quadratic in the depth inside YamlDotNet (100,000 levels took minutes).</summary>
    private sealed class NestingTooDeepException(SourceLocation location, string subject) : Exception
    {
        public SourceLocation Location { get; } = location;

        public string Subject { get; } = subject;
    }

    /// <summary>A path for the depth message, its middle elided: the whole one is hundreds of segments long.</summary>
    private static string Abbreviated(string path) =>
        path.Length <= 80 ? ScenarioPathText.Describe(path) : $"{path[..40]}…{path[^30..]}";

    internal static SourceLocation ToLocation(string file, Mark mark) =>
        // YamlDotNet marks are 1-based; an empty mark (0) only occurs for synthesized events.
        new(file, Math.Max(1, (int)mark.Line), Math.Max(1, (int)mark.Column));

    // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (Line: …): " (we print our own location),
    // and its sentences start with a capital and end with a period, which reads oddly after "YAML syntax error:".
    private static string WithoutMarks(string message)
    {
        string text = MarkPrefix().Replace(message, "").Trim().TrimEnd('.');
        return text.Length > 1 && char.IsUpper(text[0]) && char.IsLower(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*", RegexOptions.CultureInvariant)]
    private static partial Regex MarkPrefix();

    private sealed class TreeBuilder(IParser parser, string file, DiagnosticBag bag)
    {
        private const string MergeKey = "<<";
        private const string CoreTagPrefix = "tag:yaml.org,2002:";
        private readonly Dictionary<string, YamlNodeBase> _anchors = new(StringComparer.Ordinal);
        private Mark _endOfLastEvent = Mark.Empty;

        private ParsingEvent Current => parser.Current ?? throw new InvalidOperationException("The YAML parser has no current event.");

        public YamlNodeBase? ReadStream()
        {
            Next(); // StreamStart
            Next();
            if (Current is StreamEnd) return YamlMap.Empty(SourceLocation.StartOf(file));
            Next(); // DocumentStart
            YamlNodeBase root = ReadNode("", 0);
            if (_anchors.Count > 0 && ExpandedSize(root, new Dictionary<YamlNodeBase, long>(ReferenceEqualityComparer.Instance)) > MaxExpandedNodes)
            {
                bag.Error(root.Location, "", string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"the document expands to more than {MaxExpandedNodes} values through aliases"));
                return null;
            }
            Next(); // DocumentEnd
            if (Current is DocumentStart second)
            {
                bag.Error(ToLocation(file, second.Start), "",
                    "a scenario file holds exactly one YAML document, but a second one starts here");
            }
            return root;
        }

        /// <summary>Nodes in the tree with every alias expanded, memoized per shared node; saturates above the limit.</summary>
        private static long ExpandedSize(YamlNodeBase node, Dictionary<YamlNodeBase, long> known)
        {
            if (known.TryGetValue(node, out long size)) return size;
            size = 1;
            IEnumerable<YamlNodeBase> children = node switch
            {
                YamlSeq seq => seq.Items,
                YamlMap map => map.Entries.Select(e => e.Value),
                _ => [],
            };
            foreach (var child in children) size = Math.Min(size + ExpandedSize(child, known), MaxExpandedNodes + 1);
            known[node] = size;
            return size;
        }

        private void Next()
        {
            bool moved;
            try
            {
                moved = parser.MoveNext();
            }
            catch (InvalidOperationException e)
            {
                // YamlDotNet 16.3 fails this way (not with a YamlException) on some malformed input, e.g. a flow
                // list left open: report it as a syntax error just after the last piece that was read.
                throw new YamlException(_endOfLastEvent, _endOfLastEvent,
                    "the text cannot be read past this point (look for an unclosed bracket, brace or quote)", e);
            }
            catch (ArgumentException e)
            {
                // And this way on a verbatim tag that is not a URI (`!<+>`, found by fuzzing).
                throw new YamlException(_endOfLastEvent, _endOfLastEvent, $"the text cannot be read past this point ({e.Message})", e);
            }
            if (!moved) throw new YamlException(_endOfLastEvent, _endOfLastEvent, "unexpected end of the document");
            _endOfLastEvent = Current.End;
        }

        private YamlNodeBase ReadNode(string path, int depth)
        {
            var location = ToLocation(file, Current.Start);
            if (depth > MaxDepth) throw new NestingTooDeepException(location, Abbreviated(path));
            switch (Current)
            {
                case AnchorAlias alias:
                    Next();
                    if (_anchors.TryGetValue(alias.Value.Value, out var target)) return target;
                    bag.Error(location, path, $"unknown alias '*{alias.Value.Value}' (no anchor '&{alias.Value.Value}' before it)");
                    return new YamlScalar("", YamlScalarStyle.Plain, location);
                case Scalar scalar:
                    Next();
                    return Remember(scalar, ReadScalar(scalar, path, location));
                case SequenceStart start:
                    Next();
                    return Remember(start, ReadSequence(start, path, location, depth));
                case MappingStart start:
                    Next();
                    return Remember(start, ReadMapping(start, path, location, depth));
                default:
                    // YamlDotNet can end a map where a value was due (a key in control characters followed by an
                    // alias, found by fuzzing): a syntax error here, not a crash.
                    throw new YamlException(Current.Start, Current.End, "a value is missing here");
            }
        }

        private YamlNodeBase Remember(NodeEvent node, YamlNodeBase built)
        {
            if (!node.Anchor.IsEmpty) _anchors[node.Anchor.Value] = built;
            return built;
        }

        private YamlScalar ReadScalar(Scalar scalar, string path, SourceLocation location)
        {
            var style = scalar.Style switch
            {
                ScalarStyle.SingleQuoted => YamlScalarStyle.SingleQuoted,
                ScalarStyle.DoubleQuoted => YamlScalarStyle.DoubleQuoted,
                ScalarStyle.Literal => YamlScalarStyle.Literal,
                ScalarStyle.Folded => YamlScalarStyle.Folded,
                _ => YamlScalarStyle.Plain,
            };
            if (!scalar.Tag.IsEmpty)
            {
                string tag = scalar.Tag.Value;
                // "!" and !!str force a string: recorded as a quoted style so typed readings refuse it.
                if (tag is "!" or CoreTagPrefix + "str")
                {
                    if (style == YamlScalarStyle.Plain) style = YamlScalarStyle.DoubleQuoted;
                }
                else
                {
                    ReportUnsupportedTag(tag, path, location);
                }
            }
            return new YamlScalar(scalar.Value, style, location);
        }

        private YamlSeq ReadSequence(SequenceStart start, string path, SourceLocation location, int depth)
        {
            CheckCollectionTag(start, "seq", path, location);
            var items = new List<YamlNodeBase>();
            while (Current is not SequenceEnd)
            {
                items.Add(ReadNode(ScenarioPathText.Index(path, items.Count), depth + 1));
            }
            Next();
            return new YamlSeq(items, location);
        }

        private YamlMap ReadMapping(MappingStart start, string path, SourceLocation location, int depth)
        {
            CheckCollectionTag(start, "map", path, location);
            var entries = new List<YamlMapEntry>();
            var firstLineOfKey = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
            var mergeSources = new List<YamlMap>();
            while (Current is not MappingEnd)
            {
                var keyNode = ReadNode(path, depth + 1);
                if (keyNode is not YamlScalar key)
                {
                    bag.Error(keyNode.Location, path, $"keys in {Describe(path)} must be plain names, not {keyNode.KindDescription}");
                    ReadNode(path, depth + 1);
                    continue;
                }
                string childPath = Join(path, key.Text);
                if (key.Text == MergeKey && !key.IsQuoted)
                {
                    CollectMergeSources(ReadNode(childPath, depth + 1), path, mergeSources);
                    continue;
                }
                var value = ReadNode(childPath, depth + 1);
                if (firstLineOfKey.TryGetValue(key.Text, out var first))
                {
                    bag.Error(key.Location, childPath,
                        $"duplicate key '{key.Text}' in {Describe(path)} (first defined at line {first.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)})");
                    continue;
                }
                firstLineOfKey.Add(key.Text, key.Location);
                entries.Add(new YamlMapEntry(key, value));
            }
            Next();
            // Merged entries come after the explicit ones; YamlMap keeps the first occurrence of each key,
            // which makes explicit keys win and earlier merge sources win over later ones.
            foreach (var source in mergeSources) entries.AddRange(source.Entries);
            return new YamlMap(entries, location);
        }

        private void CollectMergeSources(YamlNodeBase value, string path, List<YamlMap> sources)
        {
            switch (value)
            {
                case YamlMap map:
                    sources.Add(map);
                    break;
                case YamlSeq seq when seq.Items.All(i => i is YamlMap):
                    sources.AddRange(seq.Items.Cast<YamlMap>());
                    break;
                default:
                    bag.Error(value.Location, Join(path, MergeKey),
                        $"the merge key '<<' in {Describe(path)} needs a map or a list of maps (usually aliases like *base), not {value.KindDescription}");
                    break;
            }
        }

        private void CheckCollectionTag(NodeEvent node, string expected, string path, SourceLocation location)
        {
            if (!node.Tag.IsEmpty && node.Tag.Value != "!" && node.Tag.Value != CoreTagPrefix + expected)
                ReportUnsupportedTag(node.Tag.Value, path, location);
        }

        private void ReportUnsupportedTag(string tag, string path, SourceLocation location)
        {
            string shown = tag.StartsWith(CoreTagPrefix, StringComparison.Ordinal) ? "!!" + tag[CoreTagPrefix.Length..] : tag;
            bag.Error(location, path, $"unsupported tag '{shown}' on {Describe(path)} (scenarios use plain YAML; only !!str is allowed)");
        }

        private static string Join(string path, string key) => ScenarioPathText.Key(path, key);

        private static string Describe(string path) => ScenarioPathText.Describe(path);
    }
}
