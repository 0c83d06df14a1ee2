using System.Text;
using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Limits;
using ResistanceSim.Scenarios.Sweeps;
using ResistanceSim.Scenarios.Yaml;

namespace ResistanceSim.Fuzz;

/// <summary>
/// What is fuzzed: bytes → scenario text → located document (includes resolved against the bundled presets) → arms,
/// sweep or cohort → every validated point → resource estimate: everything <c>resistancesim validate</c> does. A
/// <see cref="ScenarioValidationException"/> is the correct answer to bad input; any other exception escapes and is
/// a crash for the fuzzer.
/// </summary>
public static class ScenarioFuzzTarget
{
    /// <param name="input">The candidate scenario file.</param>
    /// <param name="directory">Where the scenario "lives": relative includes resolve here (it holds presets/).</param>
    public static void Run(ReadOnlySpan<byte> input, string directory)
    {
        string text = Encoding.UTF8.GetString(input);
        var bag = new DiagnosticBag();
        try
        {
            var document = ScenarioDocumentLoader.LoadText(text, Path.Combine(directory, "fuzzed.yaml"), LoadOptions.WithPresets(directory), bag);
            var loaded = SweepLoader.FromDocument(document, bag);
            long units = loaded.PointsPerArm.Sum() * (long)loaded.Scenario.Replicates;
            ResourceLimits.Default.Check(ResourceEstimate.Of(loaded.Scenario, units, threads: 2), SourceLocation.StartOf("fuzzed.yaml"));
        }
        catch (ScenarioValidationException)
        {
            // Bad input, reported with locations: the expected outcome for most mutations.
        }
    }
}
