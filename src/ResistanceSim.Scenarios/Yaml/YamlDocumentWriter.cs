using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ResistanceSim.Scenarios.Yaml;

/// <summary>
/// Writes a node tree back as YAML (block style). Scalar styles are kept, so a quoted "1.0" stays a string and a
/// plain 1.0 stays a number when read again; the emitter quotes a plain scalar if its text needs it.
/// Aliases are written out in full.
/// </summary>
public static class YamlDocumentWriter
{
    /// <param name="root">The tree to write.</param>
    /// <param name="headerComments">Lines written first as <c># …</c> comments (e.g. where the document came from).</param>
    public static string Write(YamlNodeBase root, IEnumerable<string>? headerComments = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        foreach (string line in headerComments ?? []) text.Write($"# {line}\n");
        var emitter = new Emitter(text, new EmitterSettings().WithNewLine("\n"));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        WriteNode(emitter, root);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void WriteNode(IEmitter emitter, YamlNodeBase node)
    {
        switch (node)
        {
            case YamlScalar scalar:
                emitter.Emit(ToEvent(scalar));
                break;
            case YamlSeq seq:
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, SequenceStyle.Block));
                foreach (var item in seq.Items) WriteNode(emitter, item);
                emitter.Emit(new SequenceEnd());
                break;
            case YamlMap map:
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: true, MappingStyle.Block));
                foreach (var entry in map.Entries)
                {
                    emitter.Emit(ToEvent(entry.Key));
                    WriteNode(emitter, entry.Value);
                }
                emitter.Emit(new MappingEnd());
                break;
            default:
                throw new ArgumentException($"Unknown node type {node.GetType().Name}.", nameof(node));
        }
    }

    private static Scalar ToEvent(YamlScalar scalar)
    {
        var style = scalar.Style switch
        {
            YamlScalarStyle.SingleQuoted => ScalarStyle.SingleQuoted,
            YamlScalarStyle.DoubleQuoted => ScalarStyle.DoubleQuoted,
            YamlScalarStyle.Literal => ScalarStyle.Literal,
            YamlScalarStyle.Folded => ScalarStyle.Folded,
            _ => ScalarStyle.Plain,
        };
        // A plain empty scalar is null; writing it as "~" keeps that meaning without an empty value.
        string text = style == ScalarStyle.Plain && scalar.Text.Length == 0 ? "~" : scalar.Text;
        return new Scalar(AnchorName.Empty, TagName.Empty, text, style, isPlainImplicit: true, isQuotedImplicit: style != ScalarStyle.Plain);
    }
}
