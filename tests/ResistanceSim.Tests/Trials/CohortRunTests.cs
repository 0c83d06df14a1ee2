using System.Globalization;
using ResistanceSim.Cli;
using ResistanceSim.Output.Reading;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Trials;

/// <summary>Cohort runs end to end through <c>resistancesim run</c> (issue #7).</summary>
public class CohortRunTests
{
    private static TableData RunSummary(TempDirectory temp, string yaml, out string output, out string run)
    {
        var result = Support.Cli.Run("run", "--no-plots", temp.File("trial.yaml", yaml), "--out", temp.Path, "--threads", "2");
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        output = result.Output;
        run = Path.Combine(temp.Path, "trial-test");
        return RunTableReader.Read(run, "summary");
    }

    [Fact]
    public void IdenticalArmsGiveIdenticalPatients()
    {
        using var temp = new TempDirectory();
        var summary = RunSummary(temp, TrialScenarios.Header + TrialScenarios.Cohort + TrialScenarios.IdenticalArms, out _, out _);
        Assert.Equal(24, summary.RowCount);
        var columns = summary.ColumnNames.Where(c => c != "arm").ToArray();
        for (int patient = 0; patient < 12; patient++)
        {
            int first = Row(summary, 0, patient), second = Row(summary, 1, patient);
            foreach (string column in columns)
                Assert.Equal(summary.String(column, first), summary.String(column, second));
        }
        // Common random numbers make arms identical, not patients: the cohort must still vary.
        Assert.True(Enumerable.Range(0, 12).Select(p => summary.Double("diagnosis_day", Row(summary, 0, p))).Distinct().Count() > 6);
    }

    [Fact]
    public void ACohortRunReadsOutEveryArmAndPrintsTheTable()
    {
        using var temp = new TempDirectory();
        var summary = RunSummary(temp, TrialScenarios.Header + TrialScenarios.Cohort + TrialScenarios.TwoArms, out string output, out string run);
        var endpoints = RunTableReader.Read(run, "endpoints");
        Assert.Equal(2, endpoints.RowCount);
        Assert.Equal(["tki", "tki_egfri"], [endpoints.String("arm_name", 0)!, endpoints.String("arm_name", 1)!]);
        for (int arm = 0; arm < 2; arm++)
        {
            var rows = Enumerable.Range(0, summary.RowCount).Where(r => summary.Long("arm", r) == arm).ToArray();
            Assert.Equal(12, endpoints.Long("patients", arm));
            Assert.Equal(rows.Count(r => summary.Bool("pfs_event", r)), endpoints.Long("events", arm));
            Assert.Equal(rows.Count(r => summary.Bool("objective_response", r)) / 12.0, endpoints.Double("orr", arm), 12);
        }
        Assert.True(double.IsNaN(endpoints.Double("hazard_ratio", 0)));
        Assert.Contains("median PFS, months [95% CI]", output, StringComparison.Ordinal);
        Assert.Contains("tki_egfri", output, StringComparison.Ordinal);
        Assert.True(RunTableReader.Exists(run, "progression_mechanisms") || !Enumerable.Range(0, summary.RowCount).Any(r => summary.Bool("pfs_event", r)));
    }

    [Fact]
    public void EveryPatientIsDiagnosedAtDetectionAndScannedOnSchedule()
    {
        using var temp = new TempDirectory();
        var summary = RunSummary(temp, TrialScenarios.Header + TrialScenarios.Cohort + TrialScenarios.TwoArms, out _, out string run);
        for (int r = 0; r < summary.RowCount; r++)
        {
            Assert.True(summary.Double("cells_at_diagnosis", r) >= 1e5);
            Assert.True(summary.Double("diagnosis_day", r) > 0);
            Assert.True(summary.Long("history_attempts", r) >= 1);
            double pfs = summary.Double("pfs_days", r);
            if (summary.Bool("pfs_event", r)) Assert.Equal(0, pfs % 42, 9);   // progression is seen at a scan
            else Assert.Equal(420, pfs);                                       // censored at the end of follow-up
            string best = summary.String("best_overall_response", r)!;
            Assert.Equal(best is "CR" or "PR", summary.Bool("objective_response", r));
        }
        var clones = RunTableReader.Read(run, "clones");
        Assert.Contains(Enumerable.Range(0, clones.RowCount), r => clones.Double("born_day", r) < 0);   // founded before diagnosis
    }

    [Fact]
    public void TheEgfrPartnerDelaysProgressionOfEgfrDrivenRelapses()
    {
        using var temp = new TempDirectory();
        var summary = RunSummary(temp, TrialScenarios.Header + TrialScenarios.Cohort + TrialScenarios.TwoArms, out _, out _);
        double MeanPfs(int arm) => Enumerable.Range(0, summary.RowCount).Where(r => summary.Long("arm", r) == arm).Average(r => summary.Double("pfs_days", r));
        Assert.True(MeanPfs(1) > MeanPfs(0), $"mean PFS tki {MeanPfs(0)} vs tki + egfri {MeanPfs(1)}");
    }

    [Fact]
    public void TheReportShowsTheKaplanMeierCurvesAndTheMechanisms()
    {
        using var temp = new TempDirectory();
        var result = Support.Cli.Run("run", temp.File("trial.yaml", TrialScenarios.Header + TrialScenarios.Cohort + TrialScenarios.TwoArms), "--out", temp.Path);
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        string run = Path.Combine(temp.Path, "trial-test");
        string km = File.ReadAllText(Path.Combine(run, "plots", "pfs-kaplan-meier.svg"));
        Assert.Contains("tki_egfri", km, StringComparison.Ordinal);
        string report = File.ReadAllText(Path.Combine(run, "report.html"));
        Assert.Contains("Virtual trial: arms ranked by median PFS", report, StringComparison.Ordinal);
        // `plot` redraws from the run directory alone (arm names from endpoints/).
        File.Delete(Path.Combine(run, "plots", "pfs-kaplan-meier.svg"));
        Assert.Equal(ExitCodes.Ok, Support.Cli.Run("plot", run).ExitCode);
        Assert.Contains("tki_egfri", File.ReadAllText(Path.Combine(run, "plots", "pfs-kaplan-meier.svg")), StringComparison.Ordinal);
    }

    [Fact]
    public void PatientsOptionRunsTheFirstPatientsOfTheFullTrial()
    {
        using var full = new TempDirectory();
        var all = RunSummary(full, TrialScenarios.Header + TrialScenarios.Cohort + TrialScenarios.TwoArms, out _, out _);
        using var part = new TempDirectory();
        string yaml = part.File("trial.yaml", TrialScenarios.Header + TrialScenarios.Cohort + TrialScenarios.TwoArms);
        var result = Support.Cli.Run("run", "--no-plots", yaml, "--out", part.Path, "--patients", "5");
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        var first = RunTableReader.Read(Path.Combine(part.Path, "trial-test"), "summary");
        Assert.Equal(10, first.RowCount);
        for (int r = 0; r < first.RowCount; r++)
        {
            int arm = (int)first.Long("arm", r), patient = (int)first.Long("point", r);
            Assert.InRange(patient, 0, 4);
            Assert.Equal(all.Double("pfs_days", Row(all, arm, patient)), first.Double("pfs_days", r));
            Assert.Equal(all.Double("diagnosis_day", Row(all, arm, patient)), first.Double("diagnosis_day", r));
        }
    }

    [Fact]
    public void PatientsOptionNeedsACohort()
    {
        using var temp = new TempDirectory();
        var result = Support.Cli.Run("run", temp.File("plain.yaml", Sweeps.SweepScenarios.Base), "--out", temp.Path, "--patients", "5");
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("--patients applies only to scenarios with a cohort", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "sweep-test")));
    }

    [Fact]
    public void APatientsDrawsDoNotDependOnTheCohortSize()
    {
        var small = TrialScenarios.Load(TrialScenarios.Header + TrialScenarios.Cohort + TrialScenarios.TwoArms);
        var large = TrialScenarios.Load(TrialScenarios.Header + TrialScenarios.Cohort.Replace("patients: 12", "patients: 40", StringComparison.Ordinal) + TrialScenarios.TwoArms);
        Assert.Equal(40, large.Sweep.PointCount);
        for (int p = 0; p < 12; p++) Assert.Equal(small.Sweep.Points[p].Values, large.Sweep.Points[p].Values);
        var d0 = large.Sweep.Points.Select(p => double.Parse(p.Values[0], CultureInfo.InvariantCulture)).ToArray();
        Assert.All(d0, v => Assert.True(v <= 0.25));
        // Normal(0.2, 0.01): the mean of 40 draws lies within 4.5 σ/√n of 0.2.
        Assert.Equal(0.2, d0.Average(), 4.5 * 0.01 / Math.Sqrt(40));
        Assert.Equal(0.2, large.ScenarioFor(1, 0).Population.DeathPerDay, 0.06);
        Assert.Equal(double.Parse(large.Sweep.Points[5].Values[0], CultureInfo.InvariantCulture), large.ScenarioFor(1, 5).Population.DeathPerDay);
    }

    [Fact]
    public void ASeedGivenToTheRunDrawsOtherPatientsAsTheSameSeedInTheFileWould()
    {
        // --seed used to reseed only the simulation: the patients' traits (cohort.variability) stayed those of the
        // file's seed, so a "new draw of patients" was the same patients with new histories.
        string trial = TrialScenarios.Header + TrialScenarios.Cohort + TrialScenarios.TwoArms;
        using var temp = new TempDirectory();
        string file = temp.File("trial.yaml", trial);
        string seededFile = temp.File("seeded.yaml", trial.Replace("seed: 11", "seed: 12", StringComparison.Ordinal));
        var byOption = RunTables(temp, "option", file, "--seed", "12");
        var byFile = RunTables(temp, "file", seededFile);
        var fileSeed = RunTables(temp, "unseeded", file);

        var drawn = byOption.Points.ColumnNames.Where(name => name != "point").ToArray();
        Assert.NotEmpty(drawn);
        foreach (string column in drawn)
        {
            Assert.Equal(Values(byFile.Points, column), Values(byOption.Points, column));
            Assert.NotEqual(Values(fileSeed.Points, column), Values(byOption.Points, column));
        }
        Assert.Equal(Values(byFile.Summary, "pfs_days"), Values(byOption.Summary, "pfs_days"));
        Assert.Contains("seed: 12", File.ReadAllText(Path.Combine(temp.Path, "option", "trial-test", "scenario.yaml")), StringComparison.Ordinal);
    }

    private static (TableData Points, TableData Summary) RunTables(TempDirectory temp, string output, string file, params string[] options)
    {
        var result = Support.Cli.Run(["run", "--no-plots", file, "--out", Path.Combine(temp.Path, output), .. options]);
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        string run = Path.Combine(temp.Path, output, "trial-test");
        return (RunTableReader.Read(run, "points"), RunTableReader.Read(run, "summary"));
    }

    private static double[] Values(TableData table, string column) => [.. Enumerable.Range(0, table.RowCount).Select(r => table.Double(column, r))];

    private static int Row(TableData summary, int arm, int patient) =>
        Enumerable.Range(0, summary.RowCount).Single(r => summary.Long("arm", r) == arm && summary.Long("point", r) == patient);
}
