using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Yaml;
using Xunit;

namespace ResistanceSim.Tests.Scenarios.Infrastructure;

/// <summary>Parsing shortcuts: every test file is called x.yaml.</summary>
internal static class YamlTestSupport
{
    public const string FileName = "x.yaml";

    /// <summary>Parses YAML that must be free of errors and have a map at the top.</summary>
    public static YamlMap ParseMap(string yaml)
    {
        var bag = new DiagnosticBag();
        var root = YamlDocumentParser.Parse(yaml.ReplaceLineEndings("\n"), FileName, bag);
        Assert.Empty(bag.InRecordedOrder);
        return Assert.IsType<YamlMap>(root);
    }

    /// <summary>Parses YAML and returns the diagnostics as "file:line:col: message" lines.</summary>
    public static IReadOnlyList<string> ParseErrors(string yaml)
    {
        var bag = new DiagnosticBag();
        YamlDocumentParser.Parse(yaml.ReplaceLineEndings("\n"), FileName, bag);
        return bag.Sorted().Select(d => d.ToString()).ToArray();
    }

    public static YamlScalar Scalar(YamlNodeBase? node) => Assert.IsType<YamlScalar>(node);

    public static YamlMap Map(YamlNodeBase? node) => Assert.IsType<YamlMap>(node);

    public static YamlSeq Seq(YamlNodeBase? node) => Assert.IsType<YamlSeq>(node);

    public static (int Line, int Column) LineCol(YamlNodeBase node) => (node.Location.Line, node.Location.Column);
}
