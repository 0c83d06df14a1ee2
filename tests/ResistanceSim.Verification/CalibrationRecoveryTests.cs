using System.Globalization;
using ResistanceSim.Cli;
using ResistanceSim.Runs.Calibration;
using ResistanceSim.Model.Calibration;
using ResistanceSim.Output.Reading;
using ResistanceSim.Verification.Support;
using Xunit;

namespace ResistanceSim.Verification;

/// <summary>
/// <c>resistancesim calibrate</c> on a problem whose answer is known (docs/calibration.md, "Verified"): targets are the
/// model's own output at known parameters — log10 cells of scenarios/calibration/synthetic-culture.yaml at six days,
/// from a real run at the values the file states — and the fit must put every true value inside its 90% interval
/// while narrowing each interval to a small part of its prior, so a fit that learns nothing fails too. Both ways of
/// building later generations are checked: importance weights, and resample-move (one move per generation, so it is
/// given more generations to narrow as far).
/// </summary>
public class CalibrationRecoveryTests
{
    private static readonly double[] Days = [5, 10, 15, 20, 25, 30];

    [Theory]
    [InlineData("importance", 9)]
    [InlineData("move", 16)]
    public async Task ThreeParametersAreRecoveredFromTheModelsOwnOutput(string method, int generations)
    {
        string root = Path.Combine(Path.GetTempPath(), "rs-calibration-" + Guid.NewGuid().ToString("N"));
        try
        {
            string scenario = Path.Combine(VerificationScenarios.RepositoryRoot(), "scenarios", "calibration", "synthetic-culture.yaml");
            double[] observed = await Observe(scenario, Path.Combine(root, "truth"));
            string file = Path.Combine(root, "recovery.yaml");
            File.WriteAllText(file, CalibrationFile(scenario, observed, method, generations));

            var output = new StringWriter();
            var error = new StringWriter();
            int code = await CommandLine.InvokeAsync(["calibrate", file, "--out", Path.Combine(root, "out"), "--threads", "2"], output, error,
                CancellationToken.None);
            Assert.True(code == 0, error.ToString());

            string posterior = Directory.EnumerateFiles(Path.Combine(root, "out", "recovery", "posterior")).Single();
            var table = RunTableReader.Read(RunFiles.Pending(Path.Combine(root, "out", "recovery"), [posterior]), "posterior");
            // Truth: the values synthetic-culture.yaml states (b0 0.6/day, ALK IC50 24 nM, drug death 0.9/day).
            (string Column, double Truth, double PriorWidth, bool Log)[] parameters =
            [
                ("p_population_b0_per_day", 0.6, 0.7, false),
                ("p_drugs_crizotinib_targets_alk_ic50_nm", 24, Math.Log(300.0 / 3), true),
                ("p_population_drug_death_per_day", 0.9, 1.8, false),
            ];
            double[] weights = [.. Enumerable.Range(0, table.RowCount).Select(r => table.Double("weight", r))];
            foreach (var (column, truth, width, log) in parameters)
            {
                double[] values = [.. Enumerable.Range(0, table.RowCount).Select(r => table.Double(column, r))];
                double lower = Analysis.Calibration.WeightedQuantile.Of(values, weights, 0.05);
                double upper = Analysis.Calibration.WeightedQuantile.Of(values, weights, 0.95);
                Assert.True(truth >= lower && truth <= upper, $"{column}: truth {truth} outside the 90% interval [{lower}, {upper}]\n{output}");
                double span = log ? Math.Log(upper / lower) : upper - lower;
                Assert.True(span < 0.25 * width, $"{column}: the 90% interval [{lower}, {upper}] is not much narrower than the prior\n{output}");
            }
            Assert.True(File.Exists(Path.Combine(root, "out", "recovery", "calibrated.yaml")));
            Assert.True(File.Exists(Path.Combine(root, "out", "recovery", "report.html")));
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>log10 cells of a real run of the scenario at its own values, measured as a calibration measures them.</summary>
    private static async Task<double[]> Observe(string scenario, string output)
    {
        int code = await CommandLine.InvokeAsync(["run", scenario, "--out", output, "--no-plots"], TextWriter.Null, TextWriter.Null,
            CancellationToken.None);
        Assert.Equal(0, code);
        var metrics = new TargetMetrics(RunFiles.Published(Directory.EnumerateDirectories(output).Single()));
        return [.. Days.Select(day => metrics.Measure(
            new CalibrationTarget("cells", "culture", TargetMetric.Log10Cells, "", day, "", "", [], 0, 0, 1, "")).Value)];
    }

    private static string CalibrationFile(string scenario, double[] observed, string method, int generations) =>
        string.Join('\n',
        [
            "name: recovery",
            "seed: 3",
            $"scenarios: {{ culture: {{ file: '{scenario}' }} }}",
            "parameters:",
            "  population.b0_per_day: { uniform: { min: 0.3, max: 1.0 } }",
            "  drugs.crizotinib.targets.ALK.ic50_nM: { loguniform: { min: 3, max: 300 } }",
            "  population.drug_death_per_day: { uniform: { min: 0.2, max: 2.0 } }",
            "targets:",
            .. Days.Select((day, i) => string.Create(CultureInfo.InvariantCulture,
                $"  - {{ name: cells day {day}, scenario: culture, metric: log10_cells, day: {day}, published: {observed[i]:R}, tolerance: 0.1 }}")),
            $"abc: {{ method: {method}, particles: 50, generations: {generations}, quantile: 0.5 }}",
            "",
        ]);
}
