using ResistanceSim.Plotting.Charts;

namespace ResistanceSim.Plotting.Tests;

/// <summary>Inputs a real run can produce at the edges: extinction, no drug, one time point, no values.</summary>
public class DegenerateInputTests
{
    [Fact]
    public void Population_chart_with_extinction_and_no_drug_renders_with_gaps()
    {
        double[] t = [0, 1, 2, 3];
        var input = new PopulationChartInput("Extinct", new TimeSeries("Total", t, [100, 10, 0, 0]),
            [new TimeSeries("EGFR", t, [0, 0, 0, 0])], [new TimeSeries("Crizotinib", t, [0, 0, 0, 0])], []);
        var root = SvgInspection.Parse(PopulationChart.Render(input));
        var total = Assert.Single(SvgInspection.WithClass(root, "total"));
        Assert.Equal(2, ((string)total.Attribute("d")!).Count(c => c is 'M' or 'L')); // the zero values are not drawn
        Assert.Empty(SvgInspection.WithClass(root, "mechanism")); // an all-zero series has no visible points
    }

    [Fact]
    public void Muller_chart_with_a_time_without_cells_renders()
    {
        var input = new MullerInput("Extinct", [0, 1, 2], [new MullerClone(1, null, "p", "parental", [10, 5, 0])]);
        Assert.Single(SvgInspection.WithClass(SvgInspection.Parse(MullerChart.Render(input)), "clone"));
    }

    [Fact]
    public void Heatmap_of_equal_or_missing_values_renders()
    {
        var equal = new HeatmapInput("Flat", "x", ["a", "b"], "y", ["c"], [[3, 3]], "v");
        SvgInspection.Parse(HeatmapChart.Render(equal));
        var missing = equal with { Values = [[double.NaN, double.NaN]] };
        Assert.Equal(2, SvgInspection.Elements(SvgInspection.Parse(HeatmapChart.Render(missing)), "rect")
            .Count(r => ((string?)r.Attribute("fill"))?.StartsWith("url(#", StringComparison.Ordinal) == true && r.Parent!.Attribute("class")?.Value == "cells"));
    }

    [Fact]
    public void Kaplan_meier_arm_without_events_is_a_flat_line_at_one()
    {
        var arm = new KaplanMeierArm("No events", [], [], [], [], [], [30, 60]);
        var root = SvgInspection.Parse(KaplanMeierChart.Render(new KaplanMeierInput("Flat", [arm])));
        Assert.Single(SvgInspection.WithClass(root, "km-curve"));
    }

    [Fact]
    public void Mismatched_inputs_fail_with_a_message_naming_the_series()
    {
        var bad = new TimeSeries("Broken", [0, 1], [1]);
        var error = Assert.Throws<ArgumentException>(() => PopulationChart.Render(new PopulationChartInput("x", bad, [], [], [])));
        Assert.Contains("Broken", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => HeatmapChart.Render(new HeatmapInput("x", "x", ["a"], "y", ["b"], [[1, 2]], "v")));
    }
}
