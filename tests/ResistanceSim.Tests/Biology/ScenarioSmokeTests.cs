using ResistanceSim.Output.Reading;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Biology;

/// <summary>
/// Every bundled scenario validates, runs end to end (one replicate, CSV output; a trial with its first 3 patients per
/// arm — the full trials run in the verification suite and are compared with docs/trials.md by the docs test) and shows
/// the outcome docs/protocols.md ("Scenarios and what to expect") and README describe for it.
/// </summary>
public class ScenarioSmokeTests
{
    public static TheoryData<string> Scenarios()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Repository.Scenarios, "*.yaml").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(path));
        return data;
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void ScenarioValidatesAndRuns(string file)
    {
        string path = Repository.Scenario(file);
        var validate = Support.Cli.Run("validate", path);
        Assert.True(validate.ExitCode == 0, validate.Error + validate.Output);
        using var temp = new TempDirectory();
        bool cohort = File.ReadAllText(path).Contains("\ncohort:", StringComparison.Ordinal);
        string[] args = ["run", path, "--replicates", "1", "--out", temp.Path, "--format", "csv", .. cohort ? new[] { "--patients", "3" } : []];
        var run = Support.Cli.Run(args);
        Assert.True(run.ExitCode == 0, run.Error + run.Output);
        string name = Path.GetFileNameWithoutExtension(file);
        Assert.True(File.Exists(Path.Combine(temp.Path, name, "manifest.json")), $"no manifest for {name}");
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(temp.Path, name, "summary")));
        string runDirectory = Path.Combine(temp.Path, name);
        if (cohort) Assert.Contains("Arms ranked by median progression-free survival", run.Output);
        else if (DocumentedOutcomes.TryGetValue(name, out var check)) check(RunTableReader.Read(runDirectory, "summary"), RunTableReader.Read(runDirectory, "totals"));
    }

    /// <summary>What the docs say replicate 0 of each culture scenario shows, as a check on its summary and totals.</summary>
    private static readonly Dictionary<string, Action<TableData, TableData>> DocumentedOutcomes = new()
    {
        // README: the cells that carried EGFR bypass or L1196M before the drug (or switched into EMT) regrow the culture.
        ["quickstart"] = (summary, _) =>
        {
            Assert.Equal("progressed", summary.String("outcome", 0));
            Assert.Contains(summary.String("dominant_mechanism", 0), new[] { "EGFR_activation", "ALK_L1196M", "EMT" });
        },
        // The EGFR clone regrows the culture under crizotinib; adding erlotinib at day 30 collapses it again.
        ["egfr-bypass-rescue"] = (_, totals) =>
        {
            Assert.True(Cells(totals, 30) > 1e5, $"the EGFR clone should have regrown the culture by day 30 ({Cells(totals, 30)} cells)");
            Assert.True(Smallest(totals, 30, 60) < 0.01 * Cells(totals, 30), "erlotinib should collapse the regrown culture");
        },
        // The HSP90 inhibitor removes ALK and MES signals: the culture dies.
        ["emt-hsp90"] = (summary, _) => Assert.Equal("extinct", summary.String("outcome", 0)),
        ["h3122-dish"] = (summary, _) =>
        {
            Assert.NotEqual("extinct", summary.String("outcome", 0));
            Assert.Equal("ALK_L1196M", summary.String("dominant_mechanism", 0));
        },
        // Chloroquine removes the autophagic cells' protection: they die.
        ["autophagy-chloroquine"] = (summary, _) => Assert.Equal("extinct", summary.String("outcome", 0)),
        // Pre-existing L1196M regrows the culture to about 1e6 cells by about day 38.
        ["sequential-tki"] = (_, totals) => Assert.True(Largest(totals, 20, 40) > 5e5, "L1196M should regrow the culture before the switch"),
        // Escalation to 8 µM selects resistant cells that keep the culture alive.
        ["h3122-stepwise-escalation"] = (summary, _) => Assert.NotEqual("extinct", summary.String("outcome", 0)),
    };

    private static IEnumerable<(double Day, double Cells)> Samples(TableData totals) =>
        Enumerable.Range(0, totals.RowCount).Select(r => (totals.Double("time_days", r), totals.Double("total_cells", r)));

    private static double Cells(TableData totals, double day) => Samples(totals).Last(s => s.Day <= day).Cells;

    private static double Smallest(TableData totals, double from, double to) => Samples(totals).Where(s => s.Day > from && s.Day <= to).Min(s => s.Cells);

    private static double Largest(TableData totals, double from, double to) => Samples(totals).Where(s => s.Day > from && s.Day <= to).Max(s => s.Cells);
}
