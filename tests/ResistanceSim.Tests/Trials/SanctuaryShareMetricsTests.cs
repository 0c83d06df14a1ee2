using System.Globalization;
using System.Text.RegularExpressions;
using ResistanceSim.Analysis.Survival;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Trials;

/// <summary>
/// The calibration metrics that read brain metastases imaged apart — the share of an arm's patients whose progression
/// was at the sanctuary site, and the share with a sanctuary lesion at baseline — equal the same counts taken by DuckDB
/// from the run's summary table, and a scenario whose scans do not image sanctuaries apart is refused for them.
/// </summary>
public sealed class SanctuaryShareMetricsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Calibration(string alex) => _dir.File("fit.yaml", $$"""
        name: shares
        scenarios:
          alex: { file: '{{alex}}', patients: 40 }
        parameters:
          population.drug_death_per_day: { uniform: { min: 0.05, max: 0.2 } }
        targets:
          - { name: crizotinib ORR, scenario: alex, metric: orr, arm: crizotinib, published: 0.755, tolerance: 0.08 }
        predictions:
          - { name: crizotinib CNS progression, scenario: alex, metric: sanctuary_progression_share, arm: crizotinib, published: 0.45, tolerance: 0.08 }
          - { name: alectinib brain metastases at baseline, scenario: alex, metric: sanctuary_at_baseline_share, arm: alectinib, published: 0.42, tolerance: 0.08 }
        """);

    [Fact]
    public void TheSharesAreTheSummarysCountsOfTheArmsPatients()
    {
        var check = Support.Cli.Run("calibrate", Calibration(Repository.Scenario("alex-first-line.yaml")), "--check", "--reduced",
            "--threads", "2", "--out", Path.Combine(_dir.Path, "out"));
        Assert.True(check.ExitCode == 0, check.Error + check.Output);
        string run = Path.Combine(_dir.Path, "out", "shares-check", "alex", "alex-first-line");

        Assert.Equal(Query(run, "select avg(progression_in_sanctuary::int) from summary where arm = 0"), Simulated(check.Output, "crizotinib CNS progression"), 3);
        Assert.Equal(Query(run, "select avg((sanctuary_at_baseline_mm > 0)::int) from summary where arm = 1"), Simulated(check.Output, "alectinib brain metastases at baseline"), 3);
        Assert.Equal(40, (int)Query(run, "select count(*) from summary where arm = 0"));
    }

    [Fact]
    public void AScenarioThatDoesNotImageSanctuariesApartIsRefusedBeforeAnythingRuns()
    {
        // The shipped ALEX with its scans not imaging sanctuaries apart (beside a copy of the presets it includes).
        Directory.CreateDirectory(Path.Combine(_dir.Path, "presets"));
        foreach (string preset in Directory.GetFiles(Repository.Scenario("presets")))
            File.Copy(preset, Path.Combine(_dir.Path, "presets", Path.GetFileName(preset)));
        string shipped = File.ReadAllText(Repository.Scenario("alex-first-line.yaml"));
        string lesionAtDiagnosis = shipped.Split('\n').Single(line => line.TrimStart().StartsWith("sanctuary_at_diagnosis:", StringComparison.Ordinal));
        string alex = _dir.File("alex.yaml", shipped
            .Replace("scans: { every_days: 56, lesions: 3 }", "scans: { every_days: 56, lesions: 3, new_lesion_mm: 0 }", StringComparison.Ordinal)
            .Replace(lesionAtDiagnosis, "", StringComparison.Ordinal));   // a lesion at diagnosis needs the sanctuary imaged apart too
        var result = Support.Cli.Run("calibrate", Calibration(alex), "--check", "--out", Path.Combine(_dir.Path, "out"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("prediction 'crizotinib CNS progression': its metric reads sanctuary lesions imaged apart, but scenario 'alex' does not image them",
            result.Error, StringComparison.Ordinal);
        Assert.Matches(@"fit\.yaml:\d+:\d+", result.Error);
        Assert.False(Directory.Exists(Path.Combine(_dir.Path, "out")));
    }

    [Fact]
    public void ASubgroupsMedianIsTheKaplanMeierMedianOfItsPatientsInTheSummary()
    {
        // The shipped ALEX, whose patients carry brain metastases at diagnosis in 40%.
        string calibration = File.ReadAllText(Calibration(Repository.Scenario("alex-first-line.yaml"))).Replace("predictions:\n", """
            predictions:
              - { name: crizotinib with brain metastases, scenario: alex, metric: median_pfs_months, arm: crizotinib, subgroup: sanctuary_at_baseline, published: 7.4, tolerance: 1.1 }
              - { name: crizotinib without brain metastases, scenario: alex, metric: median_pfs_months, arm: crizotinib, subgroup: no_sanctuary_at_baseline, published: 14.7, tolerance: 2.2 }

            """.Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_dir.Path, "fit.yaml"), calibration);
        var check = Support.Cli.Run("calibrate", Path.Combine(_dir.Path, "fit.yaml"), "--check", "--reduced", "--threads", "2", "--out", Path.Combine(_dir.Path, "out"));
        Assert.True(check.ExitCode == 0, check.Error + check.Output);
        string run = Path.Combine(_dir.Path, "out", "shares-check", "alex", "alex-first-line");

        double with = KaplanMeierMedianMonths(run, "arm = 0 and sanctuary_at_baseline_mm > 0");
        double without = KaplanMeierMedianMonths(run, "arm = 0 and sanctuary_at_baseline_mm = 0");
        Assert.True(with < without, $"with brain metastases {with} months, without {without}: the lesion the drug barely reaches should fail first");
        // The check's table prints three significant figures.
        Assert.Equal(ThreeFigures(with), Simulated(check.Output, "crizotinib with brain metastases"));
        Assert.Equal(ThreeFigures(without), Simulated(check.Output, "crizotinib without brain metastases"));
    }

    /// <summary>The Kaplan–Meier median PFS (months) of the summary's patients that <paramref name="where"/> selects.</summary>
    private double KaplanMeierMedianMonths(string run, string where)
    {
        var observations = QueryRows(run, $"select pfs_days, pfs_event from summary where {where}").Select(line => line.Split(','))
            .Select(f => new SurvivalObservation(double.Parse(f[0], CultureInfo.InvariantCulture), bool.Parse(f[1]))).ToArray();
        Assert.True(observations.Length >= 5, $"{observations.Length} patients where {where}: the test needs more");
        return KaplanMeierEstimator.Estimate(observations).Median.Median / (365.25 / 12);
    }

    private static double ThreeFigures(double value) => double.Parse(value.ToString("G3", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>The simulated value of a row of the check's tables.</summary>
    private static double Simulated(string output, string name)
    {
        var row = Regex.Match(output, $@"\| {Regex.Escape(name)} \| [^|]+ \| [^|]+ \| ([0-9.]+)");
        Assert.True(row.Success, output);
        return double.Parse(row.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>One number from DuckDB over the run's tables (<c>resistancesim query … --csv</c>).</summary>
    private double Query(string run, string sql) => double.Parse(QueryRows(run, sql)[0], CultureInfo.InvariantCulture);

    /// <summary>The CSV rows (header left out) DuckDB gives for <paramref name="sql"/> over the run's tables (<c>resistancesim query … --csv</c>).</summary>
    private string[] QueryRows(string run, string sql)
    {
        string csv = Path.Combine(_dir.Path, Guid.NewGuid().ToString("N") + ".csv");
        var result = Support.Cli.Run("query", run, sql, "--csv", csv);
        Assert.True(result.ExitCode == 0, result.Error);
        return File.ReadAllLines(csv)[1..];
    }
}
