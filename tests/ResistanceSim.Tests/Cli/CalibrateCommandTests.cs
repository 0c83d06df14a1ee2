using System.Globalization;
using System.Text.RegularExpressions;
using ResistanceSim.Tests.Support;
using Xunit;

namespace ResistanceSim.Tests.Cli;

/// <summary>
/// <c>resistancesim calibrate</c>: located errors before anything runs, a budget-limited quick look, resuming from the
/// journal, and <c>--check</c>'s table of targets for the scenarios as they stand.
/// </summary>
public sealed class CalibrateCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "rs-calibrate-" + Guid.NewGuid().ToString("N"));

    public CalibrateCommandTests() => Directory.CreateDirectory(_root);

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private string Write(string text)
    {
        string path = Path.Combine(_root, "fit.yaml");
        File.WriteAllText(path, text.Replace("SCENARIO", Repository.Scenario("calibration/synthetic-culture.yaml"), StringComparison.Ordinal));
        return path;
    }

    private const string Valid = """
        name: quick
        seed: 4
        scenarios:
          culture: { file: 'SCENARIO' }
        parameters:
          population.b0_per_day: { uniform: { min: 0.4, max: 0.8 } }
          population.drug_death_per_day: { uniform: { min: 0.5, max: 1.5 } }
        targets:
          - { name: cells day 10, scenario: culture, metric: log10_cells, day: 10, published: 7.17, tolerance: 0.1 }
          - { name: cells day 30, scenario: culture, metric: log10_cells, day: 30, published: 3.4, tolerance: 0.3 }
        abc: { particles: 6, generations: 3 }
        """;

    [Fact]
    public void ABudgetGivesAQuickLookAndAResumeReplaysTheJournal()
    {
        string file = Write(Valid);
        string output = Path.Combine(_root, "out");
        var first = Support.Cli.Run("calibrate", file, "--out", output, "--threads", "2", "--budget", "14");
        Assert.True(first.ExitCode == 0, first.Error + first.Output);
        Assert.Contains("budget of 14 evaluations ran out", first.Output, StringComparison.Ordinal);
        foreach (string part in new[] { "calibrated.yaml", "report.html", "posterior/part-00000.parquet", "calibration/part-00000.parquet", "generations/part-00000.parquet" })
            Assert.True(File.Exists(Path.Combine(output, "quick", part)), part);
        Assert.Contains("b0_per_day:", File.ReadAllText(Path.Combine(output, "quick", "calibrated.yaml")), StringComparison.Ordinal);

        var refused = Support.Cli.Run("calibrate", file, "--out", output);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--resume", refused.Error, StringComparison.Ordinal);

        var resumed = Support.Cli.Run("calibrate", file, "--out", output, "--threads", "1", "--resume");
        Assert.True(resumed.ExitCode == 0, resumed.Error + resumed.Output);
        int replayed = int.Parse(Regex.Match(resumed.Output, @"Resuming: (\d+) evaluations").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(replayed, 12, 14);
        Assert.Contains("3 generations done", resumed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void ASecondCalibrateOfTheSameDirectoryIsRefusedBeforeItTouchesTheRunningOnesFiles()
    {
        string file = Write(Valid);
        string output = Path.Combine(_root, "out");
        string directory = Path.Combine(output, "quick");
        string scratchFile = Path.Combine(directory, "scratch", "shard-0", "a-running-scenario.bin");
        Directory.CreateDirectory(Path.GetDirectoryName(scratchFile)!);
        File.WriteAllText(scratchFile, "in use");
        using (ResistanceSim.Output.Locking.RunDirectoryLock.Acquire(directory, ResistanceSim.Output.Shards.ShardSpec.Whole, "a calibration still running"))
        {
            var second = Support.Cli.Run("calibrate", file, "--out", output, "--resume");
            Assert.Equal(2, second.ExitCode);
            Assert.Contains("in use by another run", second.Error, StringComparison.Ordinal);
        }
        Assert.True(File.Exists(scratchFile));
        Assert.False(Directory.Exists(Path.Combine(directory, "journal")));
    }

    [Theory]
    [InlineData("importance")]
    [InlineData("move")]
    public void TheSameCalibrationGivesTheSamePosteriorWhateverTheThreadCount(string method)
    {
        string file = Write(Valid.Replace("abc: { particles", $"abc: {{ method: {method}, particles", StringComparison.Ordinal));
        var one = Support.Cli.Run("calibrate", file, "--out", Path.Combine(_root, "one"), "--threads", "1");
        var two = Support.Cli.Run("calibrate", file, "--out", Path.Combine(_root, "two"), "--threads", "2");
        Assert.True(one.ExitCode == 0 && two.ExitCode == 0, one.Error + two.Error);
        Assert.Equal(File.ReadAllText(Path.Combine(_root, "one", "quick", "calibrated.yaml")), File.ReadAllText(Path.Combine(_root, "two", "quick", "calibrated.yaml")));
    }

    [Fact]
    public void ALowestDistancePresetIsNamedInTheSummaryThePresetAndTheReportsTargetTable()
    {
        string file = Write(Valid.Replace("abc: { particles", "abc: { preset: lowest_distance, particles", StringComparison.Ordinal));
        string output = Path.Combine(_root, "out");
        var result = Support.Cli.Run("calibrate", file, "--out", output, "--threads", "2");
        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        Assert.Matches(@"calibrated\.yaml sets the lowest-distance member \(generation 2, proposal \d+, distance ", result.Output);
        Assert.Contains("lowest-distance member (generation 2, proposal", File.ReadAllText(Path.Combine(output, "quick", "calibrated.yaml")), StringComparison.Ordinal);
        string report = File.ReadAllText(Path.Combine(output, "quick", "report.html"));
        Assert.Contains("preset member", report, StringComparison.Ordinal);
        Assert.Contains("the lowest-distance one", report, StringComparison.Ordinal);
    }

    [Fact]
    public void APresetChosenOnNewPatientsRunsItsCandidatesOnceAndAResumeReplaysThem()
    {
        var (file, output, result) = CalibrateStochasticCulture("preset: nearest_on_new_patients, preset_candidates: 3");
        Assert.Contains("the 3 members nearest on the fit's cohorts, run on full cohorts of new patients (0 of 3 runs journaled already)", result.Output, StringComparison.Ordinal);
        var candidates = Regex.Matches(result.Output, @"distance ([\d.]+) on the fit's cohorts, ([\d.]+) on new patients \(\d+ of 2 targets within tolerance");
        Assert.Equal(3, candidates.Count);
        // Other seeds: the same parameters meet other chance events, so the distances are not the fit's again.
        Assert.Contains(candidates, m => m.Groups[1].Value != m.Groups[2].Value);
        Assert.Matches(@"calibrated\.yaml sets the member nearest on new patients \(generation \d, proposal \d+, distance [\d.]+ on the fit's cohorts, [\d.]+ on full cohorts of new patients; the nearest of the 3", result.Output);
        string run = Path.Combine(output, "quick");
        Assert.True(File.Exists(Path.Combine(run, "preset_candidates", "part-00000.parquet")));
        Assert.Equal(3, File.ReadAllLines(Path.Combine(run, "journal", "new-patients-0-of-1.csv")).Length - 1);
        Assert.Contains("on full cohorts of new patients (the nearest there", File.ReadAllText(Path.Combine(run, "report.html")), StringComparison.Ordinal);
        string preset = File.ReadAllText(Path.Combine(run, "calibrated.yaml"));

        var resumed = Support.Cli.Run("calibrate", file, "--out", output, "--threads", "1", "--resume");
        Assert.True(resumed.ExitCode == 0, resumed.Error + resumed.Output);
        Assert.Contains("(3 of 3 runs journaled already)", resumed.Output, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"on new patients \(\d+ of 2 targets", resumed.Output);
        Assert.Equal(preset, File.ReadAllText(Path.Combine(run, "calibrated.yaml")));
    }

    [Fact]
    public void TheCheckOnTheFirstDrawOfNewPatientsRunsThePresetOnThePatientsItWasChosenOn()
    {
        var (file, output, result) = CalibrateStochasticCulture("preset: nearest_on_new_patients, preset_candidates: 3");
        var chosen = Regex.Match(result.Output, @"member nearest on new patients \(generation \d+, proposal \d+, distance [\d.]+ on the fit's cohorts, ([\d.]+) on full cohorts of new patients;");
        Assert.True(chosen.Success, result.Output);

        // The culture with the fitted preset included (its own values of the two fitted rates removed: a scenario's keys
        // override what it includes), and the same calibration checking it (same seed, same scenario).
        string culture = Path.Combine(_root, "culture.yaml"), fitted = Path.Combine(_root, "culture-fitted.yaml");
        string preset = Path.Combine(output, "quick", "calibrated.yaml");
        string withPreset = Regex.Replace(File.ReadAllText(culture), @"include: \[(.*)\]", m => $"include: [{m.Groups[1].Value}, '{preset}']");
        File.WriteAllText(fitted, Regex.Replace(withPreset, @"^  (b0_per_day|drug_death_per_day): .*\n", "", RegexOptions.Multiline));
        string check = Path.Combine(_root, "check.yaml");
        File.WriteAllText(check, File.ReadAllText(file).Replace(culture, fitted, StringComparison.Ordinal));

        var onDrawOne = Support.Cli.Run("calibrate", check, "--check", "--new-patients", "1", "--out", Path.Combine(_root, "check-out"));
        Assert.True(onDrawOne.ExitCode == 0, onDrawOne.Error + onDrawOne.Output);
        Assert.Contains("full cohorts of new patients (draw 1)", onDrawOne.Output, StringComparison.Ordinal);
        double expected = Math.Round(double.Parse(chosen.Groups[1].Value, CultureInfo.InvariantCulture), 3);
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"{expected:0.###}"), Distance(onDrawOne.Output));

        // Its own patients are others: the same preset meets other chance events there.
        var onItsOwn = Support.Cli.Run("calibrate", check, "--check", "--out", Path.Combine(_root, "check-own"));
        Assert.True(onItsOwn.ExitCode == 0, onItsOwn.Error + onItsOwn.Output);
        Assert.NotEqual(Distance(onDrawOne.Output), Distance(onItsOwn.Output));
    }

    private static string Distance(string checkOutput) => Regex.Match(checkOutput, @"targets within tolerance; distance ([\d.]+)").Groups[1].Value;

    [Fact]
    public void APresetChosenOnSeveralDrawsOfNewPatientsTakesTheMeanOfTheirDistances()
    {
        var (file, output, result) = CalibrateStochasticCulture("preset: nearest_on_new_patients, preset_candidates: 2, preset_draws: 2");
        Assert.Contains("run on full cohorts of new patients (2 draws each) (0 of 4 runs journaled already)", result.Output, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Matches(result.Output, @", draw 1 of 2: distance [\d.]+ on the fit's cohorts").Count);
        Assert.Equal(2, Regex.Matches(result.Output, @", draw 2 of 2: distance [\d.]+ on the fit's cohorts").Count);

        string run = Path.Combine(output, "quick");
        var first = JournaledDistances(Path.Combine(run, "journal", "new-patients-0-of-1.csv"));
        var second = JournaledDistances(Path.Combine(run, "journal", "new-patients-draw-2-0-of-1.csv"));
        Assert.Equal(first.Keys.Order(), second.Keys.Order());
        Assert.Equal(2, first.Count);
        // Each draw is other patients: the same member meets other chance events on the second.
        Assert.Contains(first.Keys, member => first[member] != second[member]);
        // The chosen member is the one with the lowest mean over the two draws, and the preset names that mean.
        var means = first.Keys.ToDictionary(m => m, m => (first[m] + second[m]) / 2);
        var chosen = means.MinBy(m => m.Value);
        var named = Regex.Match(result.Output, @"member nearest on new patients \(generation (\d+), proposal (\d+), distance [\d.]+ on the fit's cohorts, ([\d.]+) on full cohorts of new patients, the mean over 2 draws of them;");
        Assert.True(named.Success, result.Output);
        Assert.Equal(chosen.Key, $"{named.Groups[1].Value}/{named.Groups[2].Value}");
        Assert.Equal(Math.Round(chosen.Value, 4), double.Parse(named.Groups[3].Value, CultureInfo.InvariantCulture), 10);

        var resumed = Support.Cli.Run("calibrate", file, "--out", output, "--threads", "1", "--resume");
        Assert.True(resumed.ExitCode == 0, resumed.Error + resumed.Output);
        Assert.Contains("(4 of 4 runs journaled already)", resumed.Output, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"draw \d of 2: distance", resumed.Output);
    }

    /// <summary>
    /// Runs the quick fit on the synthetic culture on a stochastic engine (other seeds give other runs), with
    /// <paramref name="abc"/> added to its abc settings, at two threads; asserts it succeeded.
    /// </summary>
    private (string File, string Output, Support.Cli.Result Result) CalibrateStochasticCulture(string abc)
    {
        string culture = Path.Combine(_root, "culture.yaml");
        File.WriteAllText(culture, File.ReadAllText(Repository.Scenario("calibration/synthetic-culture.yaml"))
            .Replace("engine: ode", "engine: hybrid", StringComparison.Ordinal)
            .Replace("../presets/", Repository.Scenario("presets") + "/", StringComparison.Ordinal));
        string file = Write(Valid.Replace("abc: { particles", $"abc: {{ {abc}, particles", StringComparison.Ordinal));
        File.WriteAllText(file, File.ReadAllText(file).Replace(Repository.Scenario("calibration/synthetic-culture.yaml"), culture, StringComparison.Ordinal));
        string output = Path.Combine(_root, "out");
        var result = Support.Cli.Run("calibrate", file, "--out", output, "--threads", "2");
        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        return (file, output, result);
    }

    /// <summary>A journal's distances by member ("generation/proposal"), its identity line skipped.</summary>
    private static Dictionary<string, double> JournaledDistances(string path) =>
        File.ReadAllLines(path).Skip(1).Select(line => line.Split(','))
            .ToDictionary(f => $"{f[0]}/{f[1]}", f => double.Parse(f[2], CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("abc: { particles", "abc: { preset_draws: 0, particles", "preset_draws must be in [1, 100]")]
    [InlineData("population.b0_per_day:", "population.b0_per_dya:", "b0_per_dya")]
    [InlineData("metric: log10_cells, day: 10", "metric: log10_cell, day: 10", "log10_cell")]
    [InlineData("scenario: culture, metric: log10_cells, day: 30", "scenario: cultre, metric: log10_cells, day: 30", "'cultre', which is not under scenarios")]
    [InlineData("{ min: 0.4, max: 0.8 }", "{ min: 0.8, max: 0.4 }", "must be > min")]
    [InlineData("abc: { particles", "abc: { method: mcmc, particles", "mcmc")]
    [InlineData("abc: { particles", "abc: { distance: manhattan, particles", "manhattan")]
    [InlineData("abc: { particles", "abc: { preset: best, particles", "best")]
    public void MistakesAreReportedAtTheirLineBeforeAnythingRuns(string from, string to, string message) =>
        AssertRefusedAtItsLine(Valid.Replace(from, to, StringComparison.Ordinal), message);

    /// <summary><paramref name="calibration"/> is refused (exit 2) with <paramref name="message"/> at a line of the file, and nothing is written.</summary>
    private void AssertRefusedAtItsLine(string calibration, string message, params string[] options)
    {
        var result = Support.Cli.Run([.. new[] { "calibrate", Write(calibration), "--out", Path.Combine(_root, "out") }.Concat(options)]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Matches(@"fit\.yaml:\d+:\d+", result.Error);
        Assert.False(Directory.Exists(Path.Combine(_root, "out")), "nothing may be written for a bad calibration file");
    }

    [Fact]
    public void ABudgetSmallerThanOneGenerationIsRefusedBeforeAnythingIsWritten()
    {
        var result = Support.Cli.Run("calibrate", Write(Valid), "--out", Path.Combine(_root, "out"), "--budget", "3");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("smaller than one generation", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_root, "out")));
    }

    [Fact]
    public void TheCheckTablesEveryTargetOfTheScenariosAsTheyStand()
    {
        // synthetic-check's targets are the ode culture's own curve at its file values, so each must be met; day 5 is
        // exponential growth from 1e5 cells at b0 − d0 = 0.5/day: log10 cells = 5 + 2.5 / ln 10.
        var result = Support.Cli.Run("calibrate", Repository.Scenario("calibration/synthetic-check.yaml"), "--check", "--out", Path.Combine(_root, "out"));
        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        string[] rows = [.. result.Output.Split('\n').Where(l => l.StartsWith("| cells day", StringComparison.Ordinal))];
        Assert.Equal(6, rows.Length);
        Assert.All(rows, row => Assert.EndsWith("| yes |", row.TrimEnd(), StringComparison.Ordinal));
        string expectedDay5 = (5 + 2.5 / Math.Log(10)).ToString("G3", System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith($"| cells day 5 | 6.086 | ±0.05 | {expectedDay5} |", rows[0], StringComparison.Ordinal);
        Assert.Contains("6 of 6 targets within tolerance", result.Output, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(_root, "out", "synthetic-check-check", "culture")), "the check keeps its runs");
    }

    [Fact]
    public void ATargetTheScenarioMissesIsMarkedNo()
    {
        string file = Write(Valid.Replace("published: 7.17, tolerance: 0.1", "published: 8.5, tolerance: 0.1", StringComparison.Ordinal));
        var result = Support.Cli.Run("calibrate", file, "--check", "--out", Path.Combine(_root, "out"));
        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        var missed = Regex.Match(result.Output, @"\| cells day 10 \| 8\.5 \| ±0\.1 \| ([0-9.]+) \| no \|");
        Assert.True(missed.Success, result.Output);
        // The other target is met (miss 0), so the root mean square miss is |miss| / √2; the table rounds the simulated
        // value to three figures (at most 0.005 here), so the distance from it is good to 0.005 / 0.1 / √2.
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        double miss = (double.Parse(missed.Groups[1].Value, culture) - 8.5) / 0.1;
        var summary = Regex.Match(result.Output, @"1 of 2 targets within tolerance; distance ([0-9.]+) \(root mean square miss\)");
        Assert.True(summary.Success, result.Output);
        Assert.Equal(Math.Abs(miss) / Math.Sqrt(2), double.Parse(summary.Groups[1].Value, culture), 0.005 / 0.1 / Math.Sqrt(2) + 0.0005);
    }

    /// <summary><see cref="Valid"/> with a second scenario that only predictions read: one prediction the model meets
    /// (the day-10 target's value) and one it misses.</summary>
    private static readonly string WithPredictions = Valid
        .Replace("  culture: { file: 'SCENARIO' }\n", "  culture: { file: 'SCENARIO' }\n  unfitted: { file: 'SCENARIO' }\n", StringComparison.Ordinal)
        .Replace("abc: {", """
            predictions:
              - { name: cells day 10 elsewhere, scenario: unfitted, metric: log10_cells, day: 10, published: 7.17, tolerance: 0.1 }
              - { name: cells day 20 elsewhere, scenario: unfitted, metric: log10_cells, day: 20, published: 9.9, tolerance: 0.1 }
            abc: {
            """, StringComparison.Ordinal);

    [Fact]
    public void PredictionsAreTabledByTheCheckOutsideTheTargetsCountAndDistance()
    {
        var plain = Support.Cli.Run("calibrate", Write(Valid), "--check", "--out", Path.Combine(_root, "plain"));
        var predicted = Support.Cli.Run("calibrate", Write(WithPredictions), "--check", "--out", Path.Combine(_root, "predicted"));
        Assert.True(predicted.ExitCode == 0, predicted.Error + predicted.Output);
        string Summary(string output) => Regex.Match(output, @"\d+ of \d+ targets within tolerance; distance [0-9.]+").Value;
        Assert.Equal(Summary(plain.Output), Summary(predicted.Output));
        Assert.Contains("Checking 2 targets and 2 predictions of quick", predicted.Output, StringComparison.Ordinal);
        Assert.Contains("| prediction (not fitted) | published | tolerance | simulated [95% CI] | within |", predicted.Output, StringComparison.Ordinal);
        Assert.Matches(@"\| cells day 10 elsewhere \| 7\.17 \| ±0\.1 \| [0-9.]+ \| yes \|", predicted.Output);
        Assert.Matches(@"\| cells day 20 elsewhere \| 9\.9 \| ±0\.1 \| [0-9.]+ \| no \|", predicted.Output);
        Assert.Contains("1 of 2 predictions within tolerance", predicted.Output, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(_root, "predicted", "quick-check", "unfitted")), "the check runs the scenario only predictions read");
    }

    [Fact]
    public void TheFitDoesNotRunAScenarioOnlyPredictionsRead()
    {
        // The predictions' scenario is a copy that is deleted once the file has been validated: evaluating a parameter
        // set would fail if the fit ran it.
        Directory.CreateDirectory(Path.Combine(_root, "calibration"));
        Directory.CreateDirectory(Path.Combine(_root, "presets"));
        foreach (string preset in Directory.GetFiles(Repository.Scenario("presets")))
            File.Copy(preset, Path.Combine(_root, "presets", Path.GetFileName(preset)));   // the copy's includes are relative
        string copy = Path.Combine(_root, "calibration", "unfitted-culture.yaml");
        File.Copy(Repository.Scenario("calibration/synthetic-culture.yaml"), copy);
        string file = Write(WithPredictions.Replace("unfitted: { file: 'SCENARIO' }", $"unfitted: {{ file: '{copy}' }}", StringComparison.Ordinal));
        var calibration = ResistanceSim.Runs.Calibration.CalibrationScenarioRun.LoadValidated(file);
        File.Delete(copy);
        var evaluator = new ResistanceSim.Runs.Calibration.ParticleEvaluator(calibration, Path.Combine(_root, "scratch"));
        double[] simulated = evaluator.Evaluate([.. calibration.Plan.Parameters.Select(p => p.Prior.Centre)], "centre", CancellationToken.None);
        Assert.Equal(2, simulated.Length);
        Assert.All(simulated, value => Assert.True(double.IsFinite(value), $"{value}"));

        File.Copy(Repository.Scenario("calibration/synthetic-culture.yaml"), copy);
        var result = Support.Cli.Run("calibrate", file, "--out", Path.Combine(_root, "out"), "--budget", "6");
        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        Assert.Contains("to 2 targets over 1 scenarios", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("scenario: unfitted, metric: log10_cells, day: 20", "scenario: unfited, metric: log10_cells, day: 20", "'unfited', which is not under scenarios")]
    [InlineData("metric: log10_cells, day: 20", "metric: ic50, day: 20", "ic50")]
    [InlineData("name: cells day 20 elsewhere", "name: cells day 30", "names 'cells day 30', which is a target too")]
    [InlineData("name: cells day 10 elsewhere", "name: cells day 20 elsewhere", "names 'cells day 20 elsewhere' twice")]
    public void MistakesInPredictionsAreReportedAtTheirLineBeforeAnythingRuns(string from, string to, string message) =>
        AssertRefusedAtItsLine(WithPredictions.Replace(from, to, StringComparison.Ordinal), message, "--check");

    [Theory]
    [InlineData("--reduced", "--reduced applies only with --check")]
    [InlineData("--check --budget 10", "--check runs the scenarios once")]
    [InlineData("--check --resume", "--check runs the scenarios once")]
    [InlineData("--new-patients 1", "--new-patients applies only with --check")]
    [InlineData("--check --new-patients 0", "--new-patients must be >= 1")]
    [InlineData("--check --reduced --new-patients 1", "--new-patients runs full cohorts")]
    public void CheckOptionsThatCannotApplyAreRefused(string options, string message)
    {
        var result = Support.Cli.Run([.. new[] { "calibrate", Write(Valid), "--out", Path.Combine(_root, "out") }.Concat(options.Split(' '))]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_root, "out")));
    }
}
