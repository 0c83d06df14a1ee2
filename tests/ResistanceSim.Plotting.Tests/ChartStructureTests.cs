using System.Globalization;
using ResistanceSim.Plotting.Charts;
using static ResistanceSim.Plotting.Tests.SvgInspection;

namespace ResistanceSim.Plotting.Tests;

public class ChartStructureTests
{
    [Fact]
    public void Every_chart_is_a_fixed_size_svg_with_viewbox_title_and_both_axes()
    {
        foreach (var (name, render) in AllSampleCharts())
        {
            var root = Parse(render());
            Assert.Equal("960", (string?)root.Attribute("width"));
            Assert.Equal("560", (string?)root.Attribute("height"));
            Assert.Equal("0 0 960 560", (string?)root.Attribute("viewBox"));
            string title = Assert.Single(Elements(root, "title")).Value;
            Assert.False(string.IsNullOrWhiteSpace(title), name);
            Assert.Contains(title, WithClass(root, "chart-title").Select(t => t.Value));
            Assert.Single(WithClass(root, "axis-bottom"));
            Assert.Single(WithClass(root, "axis-left"));
            Assert.NotEmpty(WithClass(root, "tick-label"));
        }
    }

    [Fact]
    public void Population_chart_has_a_path_and_legend_entry_per_series_phase_labels_and_a_right_axis()
    {
        var input = SampleCharts.Population();
        var root = Parse(PopulationChart.Render(input));
        int seriesCount = 1 + input.Mechanisms.Count + input.Concentrations.Count;
        Assert.Equal(seriesCount, WithClass(root, "series").Count());
        Assert.Single(WithClass(root, "total"));
        Assert.Equal(input.Mechanisms.Count, WithClass(root, "mechanism").Count());
        Assert.Equal(input.Concentrations.Count, WithClass(root, "concentration").Count());
        var legendTexts = WithClass(root, "legend-entry").Select(e => e.Value).ToArray();
        Assert.Equal(new[] { input.Total.Name }.Concat(input.Mechanisms.Select(m => m.Name)).Concat(input.Concentrations.Select(c => c.Name)), legendTexts);
        Assert.Equal(input.Phases.Select(p => p.Label), WithClass(root, "phase-label").Select(t => t.Value));
        var rightAxis = Assert.Single(WithClass(root, "axis-right"));
        Assert.Contains(input.ConcentrationLabel, rightAxis.Descendants().Select(e => e.Value));
        Assert.Contains(input.PopulationLabel, WithClass(root, "axis-title").Select(t => t.Value));
        Assert.Contains(input.TimeLabel, WithClass(root, "axis-title").Select(t => t.Value));
    }

    [Fact]
    public void Population_chart_log_axis_labels_are_powers_of_ten()
    {
        var root = Parse(PopulationChart.Render(SampleCharts.Population()));
        var labels = Group(root, "axis-left").Descendants().Where(e => (string?)e.Attribute("class") == "tick-label").Select(e => e.Value).ToArray();
        Assert.NotEmpty(labels);
        Assert.All(labels, l => Assert.StartsWith("10", l));
        Assert.Contains("10⁶", labels);
    }

    [Fact]
    public void Muller_chart_draws_one_band_per_clone_and_a_legend_entry_per_family()
    {
        var input = SampleCharts.Muller();
        var root = Parse(MullerChart.Render(input));
        Assert.Equal(input.Clones.Count, WithClass(root, "clone").Count());
        var families = input.Clones.Select(c => c.Family).Distinct().ToArray();
        Assert.Equal(families, WithClass(root, "legend-entry").Select(e => e.Value));
        Assert.Contains("Clone frequency", WithClass(root, "axis-title").Select(t => t.Value));
        Assert.Contains("100%", WithClass(root, "tick-label").Select(t => t.Value));
    }

    [Fact]
    public void Muller_chart_skips_clones_that_never_have_cells()
    {
        var input = SampleCharts.Muller();
        var extinct = new MullerClone(99, 1, "never", "Bypass", new double[input.Times.Length]);
        var root = Parse(MullerChart.Render(input with { Clones = [.. input.Clones, extinct] }));
        Assert.Equal(input.Clones.Count, WithClass(root, "clone").Count());
    }

    [Fact]
    public void Dose_response_chart_has_a_fit_ic50_marker_and_points_per_series_and_legend_with_ic50()
    {
        var input = SampleCharts.DoseResponse();
        var root = Parse(DoseResponseChart.Render(input));
        Assert.Equal(input.Series.Count, WithClass(root, "fit").Count());
        Assert.Equal(input.Series.Count, WithClass(root, "ic50").Count());
        var data = Group(root, "data");
        Assert.Equal(input.Series.Sum(s => s.Concentrations.Count(c => c > 0)), Elements(data, "circle").Count());
        var legend = WithClass(root, "legend-entry").Select(e => e.Value).ToArray();
        Assert.Equal(input.Series.Count, legend.Length);
        for (int i = 0; i < input.Series.Count; i++)
        {
            Assert.StartsWith(input.Series[i].Name, legend[i]);
            Assert.Contains("IC50 " + input.Series[i].Fit!.Ic50.ToString(CultureInfo.InvariantCulture), legend[i]);
        }

        Assert.Contains(input.ConcentrationLabel, WithClass(root, "axis-title").Select(t => t.Value));
    }

    [Fact]
    public void Dose_response_points_at_zero_concentration_are_not_drawn()
    {
        var input = SampleCharts.DoseResponse();
        var s = input.Series[0];
        var withControl = s with { Concentrations = [0, .. s.Concentrations], Viability = [1, .. s.Viability], Error = null };
        var root = Parse(DoseResponseChart.Render(input with { Series = [withControl] }));
        Assert.Equal(s.Concentrations.Length, Elements(Group(root, "data"), "circle").Count());
    }

    [Fact]
    public void Kaplan_meier_chart_has_a_curve_and_band_per_arm_censor_marks_and_an_at_risk_row_per_arm()
    {
        var input = SampleCharts.KaplanMeier();
        var root = Parse(KaplanMeierChart.Render(input));
        Assert.Equal(input.Arms.Count, WithClass(root, "km-curve").Count());
        Assert.Equal(input.Arms.Count, WithClass(root, "km-ci").Count());
        var arms = WithClass(root, "km-arm").ToArray();
        for (int i = 0; i < arms.Length; i++)
        {
            Assert.Equal(input.Arms[i].CensorTimes.Length, Elements(arms[i], "line").Count());
        }

        var table = Group(root, "at-risk");
        var counts = WithClass(table, "at-risk-count").Select(t => int.Parse(t.Value, CultureInfo.InvariantCulture)).ToArray();
        int columns = counts.Length / input.Arms.Count;
        Assert.Equal(input.Arms.Count * columns, counts.Length);
        Assert.True(columns >= 3, $"expected at least 3 at-risk columns, got {columns}");
        for (int i = 0; i < input.Arms.Count; i++)
        {
            Assert.Equal(input.Arms[i].AtRisk[0], counts[i * columns]); // everyone is at risk at time 0
            Assert.Contains(input.Arms[i].Name, table.Descendants().Select(e => e.Value));
        }

        Assert.Contains("Number at risk", table.Descendants().Select(e => e.Value));
    }

    [Fact]
    public void Kaplan_meier_at_risk_lookup_follows_the_survfit_convention()
    {
        var arm = new KaplanMeierArm("a", [2, 5, 9], [0.9, 0.8, 0.5], [0.8, 0.7, 0.3], [1, 0.9, 0.7], [10, 8, 4], []);
        Assert.Equal(10, arm.AtRiskAt(0));
        Assert.Equal(10, arm.AtRiskAt(2));
        Assert.Equal(8, arm.AtRiskAt(2.5));
        Assert.Equal(4, arm.AtRiskAt(9));
        Assert.Equal(0, arm.AtRiskAt(9.5));
        Assert.Equal(1, arm.SurvivalAt(1.99));
        Assert.Equal(0.8, arm.SurvivalAt(5));
        Assert.Equal(0.5, arm.SurvivalAt(100));
    }

    [Fact]
    public void Heatmap_has_a_cell_per_value_hatched_missing_cells_and_a_colour_bar()
    {
        var input = SampleCharts.Heatmap();
        var root = Parse(HeatmapChart.Render(input));
        int values = input.Values.Sum(r => r.Length);
        int missing = input.Values.Sum(r => r.Count(double.IsNaN));
        Assert.True(missing > 0, "the sample must exercise missing cells");
        var cells = Elements(Group(root, "cells"), "rect").ToArray();
        Assert.Equal(values + missing, cells.Length); // a missing cell is a grey rect plus a hatch overlay
        Assert.Equal(missing, cells.Count(c => ((string?)c.Attribute("fill"))!.StartsWith("url(#", StringComparison.Ordinal)));
        Assert.Single(Elements(root, "pattern"));
        var colorBar = Group(root, "colorbar");
        Assert.Contains(input.ValueName, colorBar.Descendants().Select(e => e.Value));
        Assert.Equal(["No value"], WithClass(root, "legend-entry").Select(e => e.Value));
        Assert.Equal(input.XValues, Group(root, "axis-bottom").Descendants().Where(e => (string?)e.Attribute("class") == "tick-label").Select(e => e.Value));
        Assert.Equal(values - missing, WithClass(root, "cell-label").Count());
    }

    [Fact]
    public void Sweep_line_chart_has_a_path_markers_and_error_bars_per_series()
    {
        var input = SampleCharts.SweepLine();
        var root = Parse(SweepLineChart.Render(input));
        var groups = WithClass(root, "sweep-series").ToArray();
        Assert.Equal(input.Series.Count, groups.Length);
        for (int i = 0; i < groups.Length; i++)
        {
            Assert.Single(WithClass(groups[i], "series"));
            Assert.Equal(input.Series[i].X.Length, Elements(groups[i], "circle").Count());
            Assert.Equal(3 * input.Series[i].X.Length, Elements(groups[i], "line").Count()); // whisker + two caps
        }

        Assert.Equal(input.Series.Select(s => s.Name), WithClass(root, "legend-entry").Select(e => e.Value));
    }

    [Fact]
    public void Composition_chart_has_a_bar_per_arm_a_segment_per_nonzero_share_and_a_legend_per_mechanism()
    {
        var input = SampleCharts.Composition();
        var root = Parse(CompositionChart.Render(input));
        var bars = WithClass(root, "bar").ToArray();
        Assert.Equal(input.Arms.Count, bars.Length);
        for (int a = 0; a < bars.Length; a++)
        {
            int segments = input.Fractions[a].Count(v => v > 0);
            int expectedRects = segments == 0 ? 1 : segments; // an empty arm gets an outline
            Assert.Equal(expectedRects, Elements(bars[a], "rect").Count());
            Assert.Contains("n = " + input.ProgressedCounts![a].ToString(CultureInfo.InvariantCulture), bars[a].Descendants().Select(e => e.Value));
        }

        Assert.Equal(input.Mechanisms, WithClass(root, "legend-entry").Select(e => e.Value));
        Assert.Equal(input.Arms, Group(root, "axis-bottom").Descendants().Where(e => (string?)e.Attribute("class") == "tick-label").Select(e => e.Value));
    }

    [Fact]
    public void Composition_segments_stack_to_the_full_height_in_proportion_to_the_shares()
    {
        var input = SampleCharts.Composition();
        var root = Parse(CompositionChart.Render(input));
        var bar = WithClass(root, "bar").First();
        double[] heights = [.. Elements(bar, "rect").Select(r => double.Parse((string)r.Attribute("height")!, CultureInfo.InvariantCulture))];
        double[] shares = [.. input.Fractions[0].Where(v => v > 0).Select(v => v / input.Fractions[0].Sum())];
        for (int m = 0; m < shares.Length; m++)
        {
            // 0.01 px rounding per coordinate, two coordinates per height.
            Assert.Equal(shares[m] / shares[0], heights[m] / heights[0], 0.02);
        }
    }

    [Fact]
    public void Labels_with_markup_characters_are_escaped()
    {
        const string Nasty = "A<B & \"C\" 'D' \u0001";
        var input = SampleCharts.Population();
        var svg = PopulationChart.Render(input with { Title = Nasty, Mechanisms = [input.Mechanisms[0] with { Name = Nasty }] });
        var root = Parse(svg);
        Assert.Contains("A<B & \"C\" 'D' \uFFFD", WithClass(root, "chart-title").Select(t => t.Value));
        Assert.Contains("A<B & \"C\" 'D' \uFFFD", WithClass(root, "legend-entry").Select(t => t.Value));
    }

    [Fact]
    public void Clip_path_ids_differ_between_charts_and_are_referenced_consistently()
    {
        var ids = new List<string>();
        foreach (var (name, render) in AllSampleCharts())
        {
            var root = Parse(render());
            var clip = Assert.Single(Elements(root, "clipPath"));
            string id = (string)clip.Attribute("id")!;
            Assert.Equal($"url(#{id})", (string?)Group(root, "data").Attribute("clip-path"));
            ids.Add(id);
        }

        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Rendering_is_deterministic()
    {
        foreach (var (name, render) in AllSampleCharts())
        {
            Assert.Equal(render(), render());
        }
    }
}
