using ResistanceSim.Cli;
using ResistanceSim.Runs.Reporting;
using ResistanceSim.Output.Reading;
using ResistanceSim.Verification.Support;
using Xunit;

namespace ResistanceSim.Verification;

/// <summary>
/// The clinical trials hold drug-dependent rates for 6 hours (<c>engine_settings.rate_step_days: 0.25</c>, docs/trials.md
/// "Rate step") instead of the default 1.2 hours, for two-thirds of the cost; the combination schedules too, for a
/// third (capmatinib's half-life is 6.5 h, but it blocks MET at hundreds of times its IC50 all day). Under oral dosing
/// every 12–24 h, read by scans every 6–8 weeks, the coarser step must not change the readout: on the same 40 patients
/// per arm each arm's Kaplan–Meier curve lies within 10 points (4 of 40 patients) of the fine step's at either step's
/// median and at 12 months, and its ORR within 5 points. The curves, not the medians themselves, are compared: where a curve runs flat
/// near one half (alectinib's, about 32 months at full size against 4 years of follow-up) one patient more or less
/// moves the median by months or past the end of follow-up.
/// </summary>
public class TrialRateStepTests
{
    [Theory]
    [InlineData("alex-first-line.yaml", 0.25)]
    [InlineData("combination-schedules.yaml", 0.25)]
    public async Task TheShippedRateStepGivesTheReadoutOfTheDefaultStep(string file, double shippedStepDays)
    {
        string root = Path.Combine(Path.GetTempPath(), "rs-ratestep-" + Guid.NewGuid().ToString("N"));
        try
        {
            var coarse = await Readout(root, file, shippedStepDays, shippedStepDays);
            var fine = await Readout(root, file, shippedStepDays, 0.05);
            Assert.Equal(fine.Arms.Count, coarse.Arms.Count);
            for (int a = 0; a < fine.Arms.Count; a++)
            {
                var (f, c) = (fine.Arms[a], coarse.Arms[a]);
                // A median not reached (NaN) has no time to compare at.
                double[] times = [.. new[] { c.MedianPfs.Median, f.MedianPfs.Median, 365.25 }.Where(double.IsFinite)];
                foreach (double day in times)
                    Assert.True(Math.Abs(f.Curve.SurvivalAt(day) - c.Curve.SurvivalAt(day)) <= 0.1,   // 4 of 40 patients
                        $"{f.Name}: PFS at day {day:0} {c.Curve.SurvivalAt(day)} at {shippedStepDays} day steps, {f.Curve.SurvivalAt(day)} at 0.05 (medians {c.MedianPfs.Median} and {f.MedianPfs.Median} days)");
                // In patients, not proportions: 2 of 40 is 5 points, which 0.675 − 0.625 exceeds in floating point.
                Assert.Equal(f.ObjectiveResponse.Trials, c.ObjectiveResponse.Trials);
                Assert.True(Math.Abs(f.ObjectiveResponse.Successes - c.ObjectiveResponse.Successes) <= MaxResponderDifference(f.ObjectiveResponse.Trials),
                    $"{f.Name}: ORR {c.ObjectiveResponse.Proportion} at {shippedStepDays} day steps, {f.ObjectiveResponse.Proportion} at 0.05");
            }
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Responders two arms' ORRs may differ by and still be within 5 points (a twentieth) of each other.</summary>
    private static int MaxResponderDifference(int patients) => patients / 20;

    /// <summary>The shipped scenario <paramref name="file"/> (rate step <paramref name="shippedStepDays"/>) with its rate step set to <paramref name="rateStepDays"/>, run on its first 40 patients per arm.</summary>
    private static async Task<TrialResults.Readout> Readout(string root, string file, double shippedStepDays, double rateStepDays)
    {
        string scenarios = Path.Combine(VerificationScenarios.RepositoryRoot(), "scenarios");
        string shipped = File.ReadAllText(Path.Combine(scenarios, file));
        string setting = FormattableString.Invariant($"engine_settings: {{ rate_step_days: {shippedStepDays} }}");
        Assert.Contains(setting, shipped, StringComparison.Ordinal);
        string text = shipped
            .Replace("include: [presets/", $"include: ['{scenarios}/presets/", StringComparison.Ordinal)
            .Replace(", presets/", $"', '{scenarios}/presets/", StringComparison.Ordinal)
            .Replace(".yaml]", ".yaml']", StringComparison.Ordinal)
            .Replace(setting, FormattableString.Invariant($"engine_settings: {{ rate_step_days: {rateStepDays} }}"), StringComparison.Ordinal);
        string directory = Path.Combine(root, rateStepDays.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(directory);
        string scenario = Path.Combine(directory, file);
        File.WriteAllText(scenario, text);
        int code = await CommandLine.InvokeAsync(["run", scenario, "--patients", "40", "--out", Path.Combine(directory, "out"), "--no-plots"],
            TextWriter.Null, TextWriter.Null, CancellationToken.None);
        Assert.Equal(0, code);
        return TrialResults.Read(RunFiles.Published(Directory.EnumerateDirectories(Path.Combine(directory, "out")).Single()))
            ?? throw new InvalidOperationException($"the {file} run wrote no trial readout");
    }
}
