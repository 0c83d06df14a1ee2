using ResistanceSim.Plotting.Report;

namespace ResistanceSim.Plotting.Tests;

/// <summary>A report built from every sample chart, with description, parameters and a summary table.</summary>
public static class SampleReport
{
    public const string Title = "Quickstart: crizotinib <300 nM> & resistance";

    public static HtmlReport Builder()
    {
        var report = new HtmlReport(Title)
            .AddDescription("One million H3122-like cells under constant crizotinib.\n\nMost die; a pre-existing EGFR-bypass or L1196M clone takes over within weeks.")
            .AddParameters("Parameters", new Dictionary<string, string>
            {
                ["seed"] = "42",
                ["b0 (per day)"] = "0.6",
                ["engine"] = "hybrid",
            })
            .AddTable("Endpoints per arm", ["Arm", "n", "Median PFS (days)", "95% CI", "ORR"],
            [
                ["Continuous", "40", "142", "98–190", "55%"],
                ["Intermittent", "40", "201", "150–260", "48%"],
            ]);
        foreach (var (name, render) in SvgInspection.AllSampleCharts())
        {
            report.AddChart("Figure: " + name, render());
        }

        return report;
    }

    public static string Build() => Builder().Build();
}
