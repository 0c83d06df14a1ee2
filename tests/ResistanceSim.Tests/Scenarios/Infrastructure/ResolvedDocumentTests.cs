using System.Security.Cryptography;
using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Yaml;
using Xunit;
using static ResistanceSim.Tests.Scenarios.Infrastructure.YamlTestSupport;

namespace ResistanceSim.Tests.Scenarios.Infrastructure;

/// <summary>The merged document written back (run directory's scenario.yaml) and the input hash.</summary>
public sealed class ResolvedDocumentTests : IDisposable
{
    private readonly TempScenarioDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Structural equality of two trees: same kinds, keys in order, texts and styles (locations ignored).</summary>
    private static void AssertSameTree(YamlNodeBase expected, YamlNodeBase actual, string path = "")
    {
        switch (expected)
        {
            case YamlScalar e:
                var a = Assert.IsType<YamlScalar>(actual);
                Assert.True(e.Text == a.Text, $"{path}: '{e.Text}' vs '{a.Text}'");
                Assert.True(e.IsQuoted == a.IsQuoted, $"{path}: quoted {e.IsQuoted} vs {a.IsQuoted}");
                break;
            case YamlSeq e:
                var s = Assert.IsType<YamlSeq>(actual);
                Assert.Equal(e.Count, s.Count);
                for (int i = 0; i < e.Count; i++) AssertSameTree(e[i], s[i], $"{path}[{i}]");
                break;
            case YamlMap e:
                var m = Assert.IsType<YamlMap>(actual);
                Assert.Equal(e.Keys, m.Keys);
                foreach (var entry in e.Entries) AssertSameTree(entry.Value, m[entry.Name]!, $"{path}.{entry.Name}");
                break;
        }
    }

    [Fact]
    public void Resolved_yaml_reads_back_as_the_merged_tree()
    {
        _dir.Write("p.yaml", "population:\n  d0_per_day: 0.1\n  initial: [{ genotype: parental, cells: 1.0e6 }]\nlabel: \"007\"\n");
        string main = _dir.Write("main.yaml", """
            include: p.yaml
            name: quickstart
            description: >
              Two lines
              folded.
            population: { b0_per_day: 0.6, note: 'yes', empty: {}, none: ~ }
            base: &b { rate: .inf }
            copy: *b
            """);
        var doc = ScenarioDocumentLoader.Load(main, LoadOptions.Default);
        Assert.Empty(doc.Diagnostics);
        var reread = ParseMap(doc.ResolvedYaml);
        AssertSameTree(doc.Root, reread);
        Assert.False(reread.ContainsKey("include"));
        Assert.True(Scalar(reread["label"]).IsQuoted);                        // "007" stays text
        Assert.True(Scalar(Map(reread["population"])["none"]).IsNull);
        Assert.StartsWith("# Resolved scenario (includes merged) from:", doc.ResolvedYaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Patched_plain_text_that_needs_quoting_is_written_safely()
    {
        var bag = new DiagnosticBag();
        var root = ParseMap("name: q\n").WithValue(YamlPath.Parse("name"), "a: b # c", SourceLocation.Unknown, bag);
        Assert.Equal("a: b # c", Scalar(ParseMap(YamlDocumentWriter.Write(root))["name"]).Text);
    }

    [Fact]
    public void Sha256_covers_the_main_file_and_includes_in_order_with_lengths()
    {
        string p = _dir.Write("p.yaml", "seed: 1\n");
        string main = _dir.Write("main.yaml", "include: p.yaml\nname: q\n");
        var doc = ScenarioDocumentLoader.Load(main, LoadOptions.Default);

        // Independent computation of the documented framing: per file, 8-byte little-endian length, then bytes.
        var stream = new MemoryStream();
        foreach (string file in new[] { main, p })
        {
            byte[] bytes = System.IO.File.ReadAllBytes(file);
            stream.Write(BitConverter.GetBytes((long)bytes.Length));
            stream.Write(bytes);
        }
        Assert.True(BitConverter.IsLittleEndian);
        Assert.Equal(SHA256.HashData(stream.ToArray()), doc.Sha256);
        Assert.Equal(64, doc.Sha256Hex.Length);
    }

    [Fact]
    public void Sha256_changes_when_an_include_changes()
    {
        _dir.Write("p.yaml", "seed: 1\n");
        string main = _dir.Write("main.yaml", "include: p.yaml\n");
        byte[] before = ScenarioDocumentLoader.Load(main, LoadOptions.Default).Sha256;
        _dir.Write("p.yaml", "seed: 2\n");
        byte[] after = ScenarioDocumentLoader.Load(main, LoadOptions.Default).Sha256;
        Assert.NotEqual(before, after);
    }

    [Fact]
    public void LoadText_resolves_includes_next_to_the_named_path()
    {
        _dir.Write("p.yaml", "seed: 5\n");
        var doc = ScenarioDocumentLoader.LoadText("include: p.yaml\nname: q\n", Path.Combine(_dir.Root, "inline.yaml"), LoadOptions.Default);
        Assert.Empty(doc.Diagnostics);
        Assert.Equal("5", Scalar(doc.Root["seed"]).Text);
        Assert.Equal(new[] { "inline.yaml", "p.yaml" }, doc.Files.Select(Path.GetFileName));
    }
}
