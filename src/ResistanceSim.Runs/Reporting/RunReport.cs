using System.Globalization;
using ResistanceSim.Model;
using ResistanceSim.Output;
using ResistanceSim.Output.Reading;
using ResistanceSim.Plotting.Charts;
using ResistanceSim.Plotting.Report;
using ResistanceSim.Scenarios.Sweeps;

namespace ResistanceSim.Runs.Reporting;

/// <summary>
/// Draws a run's charts into <c>plots/</c> and assembles <c>report.html</c>, from the run directory
/// alone (resolved scenario.yaml and the tables, Parquet or CSV), so <c>resistancesim plot</c> can
/// redraw without rerunning. Each file appears only complete.
/// </summary>
public static class RunReport
{
    /// <summary>The report's file name in the run directory.</summary>
    public const string ReportFile = "report.html";
    /// <summary>The folder of the charts (SVG) and lattice frames (PNG) in the run directory.</summary>
    public const string PlotsFolder = "plots";

    /// <summary>Writes the plots and the report from the tables the run's manifest lists; returns the files written.</summary>
    public static IReadOnlyList<string> Write(string runDirectory) =>
        Write(runDirectory, SweepLoader.Load(Path.Combine(runDirectory, "scenario.yaml")));

    /// <summary>
    /// As <see cref="Write(string)"/>, with the scenario the run itself loaded (its <c>scenario.yaml</c> is that
    /// scenario resolved), so a finished run does not parse and validate it a second time, and with what the run
    /// already holds (<paramref name="held"/>; read from the files when null); without <paramref name="withPage"/>
    /// only the charts and frames are written, not <c>report.html</c>.
    /// </summary>
    internal static IReadOnlyList<string> Write(string runDirectory, LoadedSweep loaded, bool withPage = true, HeldByTheRun? held = null)
    {
        var files = RunFiles.Published(runDirectory);
        var scenario = loaded.Scenario;
        var course = held?.Course ?? CourseTables.Read(files);
        var totals = course.Totals;
        var summary = RunTableReader.Read(files, "summary");
        var charts = new List<(string File, string Caption, string Svg)>
        {
            ("population.svg", "Population over time (replicate 0): total and cells carrying each mechanism, with the drug levels and protocol phases.",
                PopulationChart.Render(PopulationInput.From(scenario, totals, replicate: 0))),
        };
        if (course is { Clones: { } clones, Trajectories: { } trajectories })
        {
            var muller = MullerInputs.From(scenario, totals, clones, trajectories, replicate: 0);
            // A run that stopped at its first sample (e.g. its initial cells already met stop.max_cells) has no course to draw.
            if (muller.Clones.Count > 0 && muller.Times.Length >= 2)
                charts.Add(("muller.svg", "Clonal composition (Muller plot, replicate 0): each clone drawn inside the clone it arose from, coloured by mechanism family.",
                    MullerChart.Render(muller)));
        }

        var trial = held is null ? TrialResults.From(summary, [.. loaded.Arms.Select(a => a.Name)]) : held.Trial;
        if (trial is not null) charts.InsertRange(0, TrialCharts.From(scenario.Name, trial));
        else if (SweepCharts.From(scenario, loaded.Sweep, summary) is { } sweepChart) charts.Insert(0, sweepChart);
        var fits = AssayFits.FitAll(files);
        var doseResponse = DoseResponseInputs.From(scenario, fits, replicate: 0);
        if (doseResponse is not null)
            charts.Add(("dose-response.svg", "Virtual viability assays (replicate 0): the first and last assay of each drug, with fitted Hill curves and IC50 95% CIs.",
                DoseResponseChart.Render(doseResponse)));

        var written = new List<string>();
        foreach (var (file, _, svg) in charts)
        {
            string path = Path.Combine(runDirectory, PlotsFolder, file);
            AtomicFile.WriteAllText(path, svg);
            written.Add(path);
        }
        var frames = LatticeFrames.From(scenario, files, replicate: 0);
        foreach (var (file, _, png) in frames)
        {
            string path = Path.Combine(runDirectory, PlotsFolder, file);
            AtomicFile.Write(path, stream => stream.Write(png));
            written.Add(path);
        }
        if (!withPage) return written;

        var report = new HtmlReport($"ResistanceSim: {scenario.Name}")
            .AddDescription(scenario.Description)
            .AddParameters("Parameters", ScenarioParameters.Describe(scenario))
            .AddTable("Outcome per work unit", SummaryRows.Headers, SummaryRows.From(summary));
        if (trial is not null)
            report.AddTable("Virtual trial: arms ranked by median PFS (HR and log-rank against the first arm)", TrialResults.Headers, TrialResults.Rows(trial));
        if (fits.Count > 0)
            report.AddTable("Viability assays: fitted IC50 (95% CI)", ["arm", "point", "replicate", "assay", "drug", "day", "IC50"],
                fits.Take(200).Select(f => (IReadOnlyList<string>)
                    [$"{f.Arm}", $"{f.Point}", $"{f.Replicate}", f.Assay, f.Drug, Number(f.Day), AssayFits.Describe(f)]));
        foreach (var (_, caption, svg) in charts) report.AddChart(caption, svg);
        if (frames.Count > 0)
            report.AddFrames(scenario.Space!.Dims == 3
                    ? "The lattice's middle layer at each snapshot (replicate 0): sensitive cells blue, resistant red, empty sites white."
                    : "The lattice at each snapshot (replicate 0): sensitive cells blue, resistant red, empty sites white.",
                [.. frames.Select(f => (f.Label, f.Png))]);
        string reportPath = Path.Combine(runDirectory, ReportFile);
        AtomicFile.WriteAllText(reportPath, report.Build());
        written.Add(reportPath);
        return written;
    }

    internal static string Number(double value) =>
        double.IsNaN(value) ? "–" : Math.Abs(value) >= 1e4 ? value.ToString("0.###e+0", CultureInfo.InvariantCulture) : value.ToString("0.###", CultureInfo.InvariantCulture);
}
