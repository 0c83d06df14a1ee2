using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Yaml;
using Xunit;
using static ResistanceSim.Tests.Scenarios.Infrastructure.YamlTestSupport;

namespace ResistanceSim.Tests.Scenarios.Infrastructure;

public sealed class IncludeTests : IDisposable
{
    private readonly TempScenarioDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private const string Preset = """
        population:
          b0_per_day: 0.5
          d0_per_day: 0.1
          growth_limit: { kind: logistic, capacity_cells: 1.0e7 }
        mechanisms: [ALK_L1196M, EGFR_activation, EMT]
        engine: tau
        """;

    [Fact]
    public void Including_file_wins_for_scalars_maps_merge_deeply_and_lists_are_replaced()
    {
        _dir.Write("presets/base.yaml", Preset);
        string main = _dir.Write("main.yaml", """
            include: presets/base.yaml
            name: q
            population:
              b0_per_day: 0.6
              growth_limit: { capacity_cells: 2e7 }
            mechanisms: [EMT]
            """);
        var doc = ScenarioDocumentLoader.Load(main, LoadOptions.Default);
        Assert.Empty(doc.Diagnostics);
        var population = Map(doc.Root["population"]);
        Assert.Equal("0.6", Scalar(population["b0_per_day"]).Text);                    // including file wins
        Assert.Equal("0.1", Scalar(population["d0_per_day"]).Text);                    // kept from the preset
        var growth = Map(population["growth_limit"]);
        Assert.Equal("2e7", Scalar(growth["capacity_cells"]).Text);                    // deep merge …
        Assert.Equal("logistic", Scalar(growth["kind"]).Text);                         // … keeps the preset's sibling
        Assert.Equal(new[] { "EMT" }, Seq(doc.Root["mechanisms"]).Items.Select(i => Scalar(i).Text)); // replaced
        Assert.Equal("tau", Scalar(doc.Root["engine"]).Text);
        Assert.False(doc.Root.ContainsKey("include"));
    }

    [Fact]
    public void Nodes_from_a_preset_are_located_in_the_preset()
    {
        string preset = _dir.Write("presets/base.yaml", Preset);
        string main = _dir.Write("main.yaml", "include: presets/base.yaml\npopulation:\n  b0_per_day: 0.6\n");
        var doc = ScenarioDocumentLoader.Load(main, LoadOptions.Default);
        var population = Map(doc.Root["population"]);
        Assert.Equal(new SourceLocation(main, 3, 15), population["b0_per_day"]!.Location);
        Assert.Equal(new SourceLocation(preset, 3, 15), population["d0_per_day"]!.Location);
        Assert.Equal(main, population.Location.File);
    }

    [Fact]
    public void An_error_in_a_preset_value_points_into_the_preset()
    {
        string preset = _dir.Write("presets/base.yaml", "population:\n  d0_per_day: -0.1\n");
        string main = _dir.Write("main.yaml", "include: presets/base.yaml\npopulation:\n  b0_per_day: 0.6\n");
        var bag = new DiagnosticBag();
        var doc = ScenarioDocumentLoader.Load(main, LoadOptions.Default, bag);
        new MapReader(doc.Root, "", bag).Map("population").Double("d0_per_day", Rules.NonNegative);
        Assert.Equal(new[] { $"{preset}:2:15: population.d0_per_day must be >= 0 (-0.1 supplied)" }, bag.Sorted().Select(d => d.ToString()));
    }

    [Fact]
    public void Later_includes_override_earlier_ones_and_nested_includes_load()
    {
        _dir.Write("a.yaml", "engine: exact\nseed: 1\n");
        _dir.Write("b.yaml", "include: c.yaml\nengine: tau\n");
        _dir.Write("c.yaml", "replicates: 7\nengine: ode\n");
        string main = _dir.Write("main.yaml", "include: [a.yaml, b.yaml]\nname: q\n");
        var doc = ScenarioDocumentLoader.Load(main, LoadOptions.Default);
        Assert.Empty(doc.Diagnostics);
        Assert.Equal("tau", Scalar(doc.Root["engine"]).Text);
        Assert.Equal("1", Scalar(doc.Root["seed"]).Text);
        Assert.Equal("7", Scalar(doc.Root["replicates"]).Text);
        Assert.Equal(new[] { "main.yaml", "a.yaml", "b.yaml", "c.yaml" }, doc.Files.Select(Path.GetFileName));
    }

    [Fact]
    public void Include_falls_back_to_the_preset_directories()
    {
        string presets = Path.Combine(_dir.Root, "bundled");
        string preset = _dir.Write("bundled/drugs.yaml", "drugs: { crizotinib: { ic50_nM: 30 } }\n");
        string main = _dir.Write("scenarios/main.yaml", "include: drugs.yaml\nname: q\n");
        var doc = ScenarioDocumentLoader.Load(main, LoadOptions.WithPresets(presets));
        Assert.Empty(doc.Diagnostics);
        Assert.Equal(preset, doc.Root["drugs"]!.Location.File);
    }

    [Fact]
    public void Missing_include_is_located_at_its_name_and_says_where_it_looked()
    {
        string main = _dir.Write("main.yaml", "name: q\ninclude:\n  - presets/nope.yaml\n");
        string presets = Path.Combine(_dir.Root, "lib");
        var doc = ScenarioDocumentLoader.Load(main, LoadOptions.WithPresets(presets));
        var error = Assert.Single(doc.Diagnostics);
        Assert.Equal(new SourceLocation(main, 3, 5), error.Location);
        Assert.Equal(
            $"included file 'presets/nope.yaml' not found (looked for {Path.Combine(_dir.Root, "presets/nope.yaml")}, {Path.Combine(presets, "presets/nope.yaml")})",
            error.Message);
        Assert.True(doc.HasErrors);
        Assert.Equal("q", Scalar(doc.Root["name"]).Text); // the rest still loads
    }

    [Fact]
    public void Include_cycle_is_located_at_the_include_that_closes_it()
    {
        string a = _dir.Write("a.yaml", "include: b.yaml\nseed: 1\n");
        string b = _dir.Write("b.yaml", "engine: tau\ninclude: a.yaml\n");
        var doc = ScenarioDocumentLoader.Load(a, LoadOptions.Default);
        var error = Assert.Single(doc.Diagnostics);
        Assert.Equal(new SourceLocation(b, 2, 10), error.Location);
        Assert.Equal("include cycle: a.yaml -> b.yaml -> a.yaml", error.Message);
    }

    [Fact]
    public void Same_preset_reached_twice_is_not_a_cycle_and_is_read_once()
    {
        _dir.Write("common.yaml", "seed: 3\n");
        _dir.Write("x1.yaml", "include: common.yaml\n");
        _dir.Write("x2.yaml", "include: common.yaml\n");
        string main = _dir.Write("main.yaml", "include: [x1.yaml, x2.yaml]\n");
        var doc = ScenarioDocumentLoader.Load(main, LoadOptions.Default);
        Assert.Empty(doc.Diagnostics);
        Assert.Equal(new[] { "main.yaml", "x1.yaml", "common.yaml", "x2.yaml" }, doc.Files.Select(Path.GetFileName));
    }

    [Fact]
    public void Include_must_be_a_name_or_a_list_of_names()
    {
        string main = _dir.Write("main.yaml", "include: { a: 1 }\n");
        var doc = ScenarioDocumentLoader.Load(main, LoadOptions.Default);
        Assert.Equal(new[] { $"{main}:1:10: include must be a file name or a list of file names, not a map" }, doc.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Syntax_error_in_a_preset_is_located_in_the_preset()
    {
        string preset = _dir.Write("p.yaml", "a: 1\nb: c: d\n");
        string main = _dir.Write("main.yaml", "include: p.yaml\nseed: 1\n");
        var doc = ScenarioDocumentLoader.Load(main, LoadOptions.Default);
        var error = Assert.Single(doc.Diagnostics);
        Assert.Equal(preset, error.Location.File);
        Assert.Equal(2, error.Location.Line);
    }

    [Fact]
    public void Missing_main_file_is_a_diagnostic()
    {
        string main = Path.Combine(_dir.Root, "absent.yaml");
        var doc = ScenarioDocumentLoader.Load(main, LoadOptions.Default);
        var error = Assert.Single(doc.Diagnostics);
        Assert.Equal(SourceLocation.StartOf(main), error.Location);
        Assert.StartsWith($"cannot read {main}:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Top_level_list_is_an_error()
    {
        string main = _dir.Write("main.yaml", "- a\n- b\n");
        var doc = ScenarioDocumentLoader.Load(main, LoadOptions.Default);
        Assert.Equal(new[] { $"{main}:1:1: the top level of {main} must be a map of key: value settings, not a list" }, doc.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Relative_main_path_is_shown_as_given_and_includes_relative_to_the_working_directory()
    {
        _dir.Write("s/presets/p.yaml", "seed: x\n");
        _dir.Write("s/main.yaml", "include: presets/p.yaml\n");
        string saved = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = _dir.Root;
            var doc = ScenarioDocumentLoader.Load("s/main.yaml", LoadOptions.Default);
            Assert.Equal(new[] { "s/main.yaml", "s/presets/p.yaml" }, doc.Files);
            Assert.Equal("s/presets/p.yaml", doc.Root["seed"]!.Location.File);
        }
        finally
        {
            Environment.CurrentDirectory = saved;
        }
    }

    [Fact]
    public void Text_that_may_not_search_beside_itself_finds_its_includes_in_the_preset_directories_only()
    {
        _dir.Write("presets/p.yaml", "seed: beside\n");             // beside the text: must not be read
        _dir.Write("bundled/presets/p.yaml", "seed: bundled\n");
        _dir.Write("bundled/presets/q.yaml", "include: r.yaml\n");   // a preset's own includes still resolve beside it
        _dir.Write("bundled/presets/r.yaml", "engine: tau\n");
        var options = LoadOptions.WithPresets(Path.Combine(_dir.Root, "bundled")) with { SearchBesideText = false };
        string text = Path.Combine(_dir.Root, "scenario.yaml");

        var doc = ScenarioDocumentLoader.LoadText("include: [presets/p.yaml, presets/q.yaml]\n", text, options);
        Assert.Empty(doc.Diagnostics);
        Assert.Equal("bundled", Scalar(doc.Root["seed"]).Text);
        Assert.Equal("tau", Scalar(doc.Root["engine"]).Text);

        var absolute = ScenarioDocumentLoader.LoadText($"include: {Path.Combine(_dir.Root, "presets", "p.yaml")}\n", text, options);
        Assert.Contains("not found (looked for nowhere: only the preset folders are searched)", Assert.Single(absolute.Diagnostics).Message, StringComparison.Ordinal);
        Assert.Equal("beside", Scalar(ScenarioDocumentLoader.LoadText("include: presets/p.yaml\n", text, options with { SearchBesideText = true }).Root["seed"]).Text);
    }
}
