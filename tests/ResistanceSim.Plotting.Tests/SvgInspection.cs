using System.Xml.Linq;

namespace ResistanceSim.Plotting.Tests;

/// <summary>Parses chart output and finds elements by tag and CSS class.</summary>
public static class SvgInspection
{
    public static XElement Parse(string svg)
    {
        var root = XDocument.Parse(svg).Root!;
        Assert.Equal("svg", root.Name.LocalName);
        return root;
    }

    public static IEnumerable<XElement> Elements(XElement root, string localName) =>
        root.Descendants().Where(e => e.Name.LocalName == localName);

    public static IEnumerable<XElement> WithClass(XElement root, string cssClass) =>
        root.Descendants().Where(e => ((string?)e.Attribute("class"))?.Split(' ').Contains(cssClass) == true);

    public static IEnumerable<string> Texts(XElement root) => Elements(root, "text").Select(t => t.Value);

    public static XElement Group(XElement root, string cssClass) => Assert.Single(WithClass(root, cssClass), e => e.Name.LocalName == "g");

    /// <summary>All charts rendered from the sample inputs, by name.</summary>
    public static IReadOnlyList<(string Name, Func<string> Render)> AllSampleCharts() =>
    [
        ("population", () => Charts.PopulationChart.Render(SampleCharts.Population())),
        ("muller", () => Charts.MullerChart.Render(SampleCharts.Muller())),
        ("dose-response", () => Charts.DoseResponseChart.Render(SampleCharts.DoseResponse())),
        ("kaplan-meier", () => Charts.KaplanMeierChart.Render(SampleCharts.KaplanMeier())),
        ("heatmap", () => Charts.HeatmapChart.Render(SampleCharts.Heatmap())),
        ("sweep-line", () => Charts.SweepLineChart.Render(SampleCharts.SweepLine())),
        ("composition", () => Charts.CompositionChart.Render(SampleCharts.Composition())),
    ];
}
