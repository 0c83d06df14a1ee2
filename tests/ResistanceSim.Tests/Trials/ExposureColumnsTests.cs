using System.Globalization;
using ResistanceSim.Cli;
using ResistanceSim.Engine.Exposure;
using ResistanceSim.Model;
using ResistanceSim.Output.Reading;
using ResistanceSim.Output.Tables;
using ResistanceSim.Parquet;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Trials;

/// <summary>
/// The exposure columns of <c>summary/</c> end to end (issue #14 item 7): per orally dosed drug, each patient's own
/// steady-state exposure, written alike in Parquet and CSV, documented, and null where the drug was not taken.
/// </summary>
public class ExposureColumnsTests
{
    private const double DoseMg = 100, TauHours = 12, MedianClearance = 20;

    // Illustrative oral TKI (round numbers, t½ = 13.9 h); clearance varies between patients.
    private static string Trial(double adherence) => $$"""
        name: exposure-test
        description: small virtual trial with an oral drug, for the exposure columns
        seed: 14
        engine: hybrid
        drugs:
          tki:
            targets:
              ALK: { ic50_nM: 24, hill: 1.0 }
            pk: { kind: oral_1cpt, bioavailability: 0.5, ka_per_hour: 1.2, cl_f_l_per_hour: {{MedianClearance}}, v_f_l: 400, molar_mass_g_per_mol: 500, free_fraction: 0.1 }
          chemo:
            targets:
              ALK: { ic50_nM: 24, hill: 1.0 }
            pk: { kind: in_vitro }
        catalog:
          EGFR_activation: { kind: bypass, pathway: EGFR, activity: 0.8, probability_per_division: 2.0e-5, fitness_cost: 0.01 }
        mechanisms: [EGFR_activation]
        {{TrialScenarios.SmallTumourPopulation}}
        cohort:
          patients: 10
          detection_cells: 1.0e5
          adherence: {{adherence.ToString(CultureInfo.InvariantCulture)}}
          scans: { every_days: 42, lesions: 1, cells_per_cm3: 1.0e5 }
          variability:
            drugs.tki.pk.cl_f_l_per_hour: { lognormal: { median: {{MedianClearance}}, sigma: 0.3 } }
        arms:
          - name: oral
            protocol: [{ phase: continuous, days: 420, drugs: { tki: { dose_mg: {{DoseMg}}, every_hours: {{TauHours}} } } }]
          - name: infused
            protocol: [{ phase: continuous, days: 420, drugs: { chemo: { concentration_nM: 300 } } }]
        stop: { days: 420 }

        """;

    private static readonly string[] Columns = ["trough_tki_nM", "peak_tki_nM", "auc_tki_nM_h_per_day"];

    private static TableData Run(TempDirectory temp, string yaml, string format)
    {
        var result = Support.Cli.Run("run", "--no-plots", temp.File("trial.yaml", yaml), "--out", Path.Combine(temp.Path, format), "--format", format, "--threads", "2");
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        return RunTableReader.Read(Path.Combine(temp.Path, format, "exposure-test"), "summary");
    }

    [Fact]
    public void EachPatientsDailyAucIsTheirOwnDoseOverClearance()
    {
        using var temp = new TempDirectory();
        var summary = Run(temp, Trial(1.0), "parquet");
        Assert.Equal(20, summary.RowCount);
        var clearances = new HashSet<double>();
        for (int r = 0; r < summary.RowCount; r++)
        {
            if (summary.Long("arm", r) == 1)
            {
                foreach (string column in Columns) Assert.Null(summary[column, r]);   // the infused arm takes no oral tki
                continue;
            }
            // Full adherence: AUC per day = 24/τ · D/(CL/F) (in nM·h), short of it only by the lead-in's residual:
            // ≤ 2^−5 · ka/(ka − ke) / (n (1 − e^(−24 ke))) relative over the n daily blocks up to the end of the run.
            double clearance = summary.Double("drugs_tki_pk_cl_f_l_per_hour", r);
            clearances.Add(clearance);
            var pk = new OralOneCompartmentPk(0.5, 1.2, clearance, 400, 500);
            double ke = pk.EliminationPerHour;
            int blocks = (int)Math.Floor(summary.Double("end_day", r) - SteadyStateExposureCalculator.LeadInDays(pk));
            double shortfall = Math.Pow(2, -5) * 1.2 / (1.2 - ke) / (blocks * (1 - Math.Exp(-24 * ke)));
            double expected = 24 / TauHours * DoseMg / clearance / 500 * 1e6;
            double auc = summary.Double("auc_tki_nM_h_per_day", r);
            Assert.InRange(auc, expected * (1 - shortfall), expected * (1 + 1e-12));
            Assert.True(summary.Double("trough_tki_nM", r) < auc / 24 && auc / 24 < summary.Double("peak_tki_nM", r));
        }
        Assert.True(clearances.Count >= 8, "clearance should vary between patients");
    }

    [Fact]
    public void ParquetAndCsvCarryTheSameExposureColumns()
    {
        using var temp = new TempDirectory();
        var parquet = Run(temp, Trial(0.8), "parquet");
        var csv = Run(temp, Trial(0.8), "csv");
        Assert.Equal(parquet.ColumnNames, csv.ColumnNames);
        int first = parquet.ColumnNames.ToList().IndexOf(Columns[0]);
        Assert.Equal(Columns, parquet.ColumnNames.Skip(first).Take(3));
        // After the clinical columns, before the drawn parameters.
        Assert.True(first > parquet.ColumnNames.ToList().IndexOf("resistant_cells_at_diagnosis"));
        Assert.Equal("drugs_tki_pk_cl_f_l_per_hour", parquet.ColumnNames[first + 3]);
        for (int r = 0; r < parquet.RowCount; r++)
            foreach (string column in Columns)
                Assert.Equal(parquet.Double(column, r), csv.Double(column, r));

        using var file = ParquetFileReader.Open(Path.Combine(temp.Path, "parquet", "exposure-test", "summary", "part-00000.parquet"));
        foreach (string column in Columns)
        {
            var spec = file.Schema[file.Schema.IndexOf(column)];
            Assert.Equal(ParquetPhysicalType.Double, spec.PhysicalType);
            Assert.True(spec.IsNullable, $"{column} must be nullable");
        }
    }

    [Fact]
    public void MissedDosesLowerEachPatientsExposure()
    {
        using var temp = new TempDirectory();
        var full = Run(temp, Trial(1.0), "parquet");
        var partial = Run(temp, Trial(0.7), "csv");
        for (int r = 0; r < full.RowCount; r++)
        {
            if (full.Long("arm", r) != 0) continue;
            Assert.Equal(full.Double("drugs_tki_pk_cl_f_l_per_hour", r), partial.Double("drugs_tki_pk_cl_f_l_per_hour", r));
            Assert.True(partial.Double("auc_tki_nM_h_per_day", r) < full.Double("auc_tki_nM_h_per_day", r), $"row {r}");
        }
    }

    [Fact]
    public void TheExposureColumnsAreDocumented()
    {
        string doc = File.ReadAllText(Path.Combine(Repository.Root, "docs", "output-schema.md"));
        foreach (string column in new[] { ExposureColumns.TroughColumn("<drug>"), ExposureColumns.PeakColumn("<drug>"), ExposureColumns.DailyAucColumn("<drug>") })
            Assert.Contains($"`{column}`", doc, StringComparison.Ordinal);
        Assert.Equal(5, SteadyStateExposureCalculator.LeadInHalfLives);   // the lead-in docs/trials.md states
        Assert.Contains("five half-lives", File.ReadAllText(Path.Combine(Repository.Root, "docs", "trials.md")), StringComparison.Ordinal);
    }
}
