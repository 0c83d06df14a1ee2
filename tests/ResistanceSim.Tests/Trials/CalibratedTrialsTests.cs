using ResistanceSim.Runs.Calibration;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Trials;

/// <summary>
/// The calibrated trials on the calibration's reduced cohorts (scenarios/calibration/alk-trials.yaml, <c>patients:</c>);
/// the full trials are docs/trials.md's calibration table, which the docs suite reruns row for row. A reduced arm has
/// a larger sampling error than the full trial, so a target met at full size is asked of the reduced run within its
/// tolerance widened by the reduced estimate's own 95% half-width.
/// </summary>
public class CalibratedTrialsTests
{
    private const string Marker = "<!-- docs-test: calibrate scenarios/calibration/alk-trials.yaml --check -->";

    [Fact]
    public void ReducedCohortsMeetEveryTargetTheFullTrialsMeetWithinTheirSamplingError()
    {
        var metAtFullSize = TargetsMetInTheDocsTable();
        Assert.NotEmpty(metAtFullSize);
        using var output = new TempDirectory();
        var log = new CalibrationLog(TextWriter.Null, TextWriter.Null, CancellationToken.None);
        var rows = CalibrationCheck.Measure(new CalibrationCheckOptions(Repository.Scenario("calibration/alk-trials.yaml"), output.Path, 2, Reduced: true), log, out _);
        foreach (var row in rows.Targets.Where(r => metAtFullSize.Contains(r.Target.Name)))
        {
            var (target, simulated) = (row.Target, row.Simulated);
            double halfWidth = SamplingHalfWidth(simulated);
            double outside = Math.Abs(target.Miss(simulated.Value)) * target.Scale;   // distance beyond the published value or range
            Assert.True(outside <= target.Allowance * target.Scale + halfWidth,
                $"{target.Name}: reduced cohorts give {simulated}; published {TargetText.Published(target)}, tolerance {TargetText.Tolerance(target)}, sampling half-width {halfWidth:G3}");
        }
    }

    /// <summary>
    /// Half the 95% interval; a median PFS not reached at the upper end of its interval (an open-ended interval) has
    /// only its lower side, whose distance from the estimate stands in for the half-width.
    /// </summary>
    private static double SamplingHalfWidth(TargetEstimate simulated) =>
        double.IsFinite(simulated.Upper) && double.IsFinite(simulated.Lower) ? (simulated.Upper - simulated.Lower) / 2
        : double.IsFinite(simulated.Lower) ? simulated.Value - simulated.Lower
        : double.IsFinite(simulated.Upper) ? simulated.Upper - simulated.Value
        : 0;

    /// <summary>The names of the targets docs/trials.md's calibration table marks "yes" (the full-size check).</summary>
    private static HashSet<string> TargetsMetInTheDocsTable()
    {
        string[] lines = File.ReadAllLines(Path.Combine(Repository.Root, "docs", "trials.md"));
        int marker = Array.IndexOf(lines, Marker);
        Assert.True(marker >= 0, $"docs/trials.md has no line {Marker}");
        return [.. lines.Skip(marker + 1).SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')).Skip(2)
            .Select(l => l.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray())
            .Where(cells => cells[^1] == "yes")
            .Select(cells => cells[0])];
    }
}
