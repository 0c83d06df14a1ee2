using ResistanceSim.Scenarios.Calibration;
using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Yaml;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Trials;

/// <summary>
/// The shipped preset is the output of the shipped calibration file over an earlier fit's member: every free parameter
/// of scenarios/calibration/alk-trials.yaml is set in presets/alk-trials-calibrated.yaml, inside its prior, with the
/// prior the file states now in its comment, and every other value the preset sets is a fit's output too (it carries
/// the posterior comment a calibration writes; the file keeps them fixed). A parameter added or a prior changed without
/// a refit, or a value set by hand, fails here rather than leaving a preset that no command reproduces.
/// </summary>
public class ShippedCalibrationTests
{
    private static readonly string PresetPath = Repository.Scenario("presets/alk-trials-calibrated.yaml");

    [Fact]
    public void EveryFreeParameterIsSetInsideThePriorTheCalibrationFileStates()
    {
        var plan = CalibrationReader.Load(Repository.Scenario("calibration/alk-trials.yaml")).Plan;
        string[] lines = File.ReadAllLines(PresetPath);
        var root = Assert.IsType<YamlMap>(Parse());
        var free = new HashSet<int>();
        foreach (var parameter in plan.Parameters)
        {
            var scalar = Assert.IsType<YamlScalar>(Find(root, YamlPath.Parse(parameter.Path)));
            Assert.True(scalar.TryGetDouble(out double value), $"{parameter.Path}: '{scalar.Text}' is not a number");
            var (min, max) = parameter.Prior.Support;
            Assert.True(value >= min && value <= max, $"{parameter.Path} = {value} lies outside its prior {parameter.Prior.Describe()}");
            string line = lines[scalar.Location.Line - 1];
            Assert.Contains($"prior {parameter.Prior.Describe()}", line, StringComparison.Ordinal);
            free.Add(scalar.Location.Line);
        }
        Assert.Equal(plan.Parameters.Count, free.Count);
        foreach (var kept in Leaves(root).Where(leaf => !free.Contains(leaf.Location.Line)))
            Assert.Contains("# posterior median ", lines[kept.Location.Line - 1], StringComparison.Ordinal);
    }

    [Fact]
    public void ThePresetSaysWhichPointOfTheFitItSets()
    {
        var plan = CalibrationReader.Load(Repository.Scenario("calibration/alk-trials.yaml")).Plan;
        string text = File.ReadAllText(PresetPath);
        Assert.Contains("# Calibrated by `resistancesim calibrate scenarios/calibration/alk-trials.yaml`", text, StringComparison.Ordinal);
        Assert.Contains(plan.Abc.Preset switch
        {
            Model.Calibration.PresetPoint.LowestDistance => "lowest-distance member",
            Model.Calibration.PresetPoint.NearestOnNewPatients => "member nearest on new patients",
            _ => "Values are posterior medians",
        }, text, StringComparison.Ordinal);
    }

    private static YamlNodeBase? Parse()
    {
        var bag = new DiagnosticBag();
        var node = YamlDocumentParser.Parse(File.ReadAllText(PresetPath), PresetPath, bag);
        bag.ThrowIfErrors();
        return node;
    }

    private static YamlNodeBase? Find(YamlMap root, YamlPath path)
    {
        YamlNodeBase? node = root;
        foreach (var segment in path.Segments)
            node = node is YamlMap map && segment.Key is { } key ? map[key] : null;
        return node;
    }

    private static IEnumerable<YamlScalar> Leaves(YamlNodeBase node) => node switch
    {
        YamlMap map => map.Entries.SelectMany(e => Leaves(e.Value)),
        YamlScalar scalar => [scalar],
        _ => [],
    };
}
