using ResistanceSim.Runs;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Agents;

/// <summary>
/// A virtual trial on the agent engine, where the lattice holds the tumour: every patient's untreated history is grown
/// on it to detection, once per arm from the patient's own stream (no shared snapshot: a snapshot holds no positions),
/// so the arms of a patient start from the same tumour — common random numbers — and then differ by treatment.
/// </summary>
public class AgentCohortTests
{
    [Fact]
    public void ACohortOnALatticeGivesEachPatientTheSameTumourInEveryArm()
    {
        using var temp = new TempDirectory();
        // Detection at 3,000 cells on 10,000 sites; no prior line (the doublet would control such small tumours for ever).
        string yaml = AgentScenarioBindingTests.TrialOnALattice(100)
            .Replace("detection_cells: 1.0e5", "detection_cells: 3000", StringComparison.Ordinal)
            .Replace("  prior_lines:\n    - { phase: continuous, days: 100, until: progression, drugs: { doublet: { concentration_nM: 1000 } } }\n  prior_line_max_days: 365\n", "", StringComparison.Ordinal);
        Assert.DoesNotContain("prior_lines", yaml, StringComparison.Ordinal);
        string scenario = temp.File("trial.yaml", yaml);
        string output = Path.Combine(temp.Path, "out");
        var run = Support.Cli.Run("run", "--no-plots", scenario, "--out", output, "--threads", "2");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("on agents", run.Output, StringComparison.Ordinal);

        var summary = RunResults.Read(Path.Combine(output, "every-trial-key")).Tables["summary"];
        var byPatient = Enumerable.Range(0, summary.RowCount)
            .GroupBy(row => summary.Long("point", row))   // a cohort's patient is its point
            .Where(patient => patient.Count() > 1)
            .ToList();
        Assert.NotEmpty(byPatient);   // patient 0 is in both arms
        foreach (var patient in byPatient)
        {
            int first = patient.First();
            foreach (int row in patient.Skip(1))
            {
                Assert.NotEqual(summary.Long("arm", first), summary.Long("arm", row));
                foreach (string column in new[] { "diagnosis_day", "cells_at_diagnosis", "resistant_cells_at_diagnosis", "history_attempts" })
                    Assert.Equal(summary.Double(column, first), summary.Double(column, row));
            }
        }
        Assert.All(Enumerable.Range(0, summary.RowCount), row => Assert.True(summary.Double("cells_at_diagnosis", row) >= 3000));
        Assert.All(Enumerable.Range(0, summary.RowCount), row => Assert.True(summary.Double("cells_at_diagnosis", row) <= 100 * 100));
    }
}
