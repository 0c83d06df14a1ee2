using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using ResistanceSim.Plotting.Layout;
using ResistanceSim.Plotting.Scales;
using ResistanceSim.Plotting.Svg;
using static ResistanceSim.Plotting.Tests.SvgInspection;
using ResistanceSim.Testing;

namespace ResistanceSim.Plotting.Tests;

public class AxisLabelTests
{
    private static readonly ChartStyle Style = ChartStyle.Default;

    private static (double X, double Width, string? Transform)[] RenderBottomLabels(IScale scale, double plotWidth)
    {
        var svg = new SvgWriter(plotWidth + 200, 400, "axis");
        new Axis(AxisSide.Bottom, scale, "title", Style).Render(svg, new Rect(100, 50, plotWidth, 250));
        var root = Parse(svg.Finish());
        return [.. WithClass(root, "tick-label").Select(t => (
            double.Parse((string)t.Attribute("x")!, CultureInfo.InvariantCulture),
            TextMetrics.Width(t.Value, Style.TickFontSize),
            (string?)t.Attribute("transform")))];
    }

    [Fact]
    public void Horizontal_numeric_labels_never_overlap_whatever_the_range_and_width()
    {
        var cases = Gen.Choose(-6, 12).SelectMany(_ => Gen.Choose(1, 9999), (e, m) => m * Math.Pow(10, e))
            .SelectMany(_ => Gen.Choose(120, 1400), (max, width) => (max, width))
            .SelectMany(_ => Gen.Choose(2, 20), (p, target) => (p.max, p.width, target))
            .ToArbitrary();
        PropertyCheck.Verify(Prop.ForAll(cases, c =>
        {
            var labels = RenderBottomLabels(new LinearScale(0, c.max, c.target), c.width);
            for (int i = 1; i < labels.Length; i++)
            {
                double gap = (labels[i].X - (labels[i].Width / 2)) - (labels[i - 1].X + (labels[i - 1].Width / 2));
                if (gap < Style.TickFontSize * 0.5)
                {
                    return false;
                }
            }

            return labels.Length >= 1 && labels.All(l => l.Transform is null);
        }));
    }

    [Fact]
    public void Crowded_numeric_labels_are_thinned_but_every_tick_keeps_its_mark()
    {
        var scale = new LinearScale(0, 2_000_000, 20);
        var labels = RenderBottomLabels(scale, 300);
        int majors = scale.Ticks.Count(t => t.IsMajor);
        Assert.InRange(labels.Length, 1, majors - 1);
        var svg = new SvgWriter(500, 400, "axis");
        new Axis(AxisSide.Bottom, scale, "", Style).Render(svg, new Rect(100, 50, 300, 250));
        Assert.Equal(1 + majors, Elements(Parse(svg.Finish()), "line").Count()); // axis line + one mark per tick
    }

    [Fact]
    public void Crowded_category_labels_are_rotated_and_spaced()
    {
        string[] categories = [.. Enumerable.Range(1, 24).Select(i => "Protocol variant " + i.ToString(CultureInfo.InvariantCulture))];
        var labels = RenderBottomLabels(new BandScale(categories), 760);
        Assert.Equal(categories.Length, labels.Length);
        Assert.All(labels, l => Assert.StartsWith("rotate(-45 ", l.Transform, StringComparison.Ordinal));
        for (int i = 1; i < labels.Length; i++)
        {
            Assert.True(labels[i].X - labels[i - 1].X >= Style.TickFontSize * 1.4);
        }
    }

    [Fact]
    public void Few_category_labels_stay_horizontal()
    {
        var labels = RenderBottomLabels(new BandScale(["A", "B", "C"]), 600);
        Assert.All(labels, l => Assert.Null(l.Transform));
    }

    [Fact]
    public void A_small_chart_with_many_categories_still_fits_its_canvas()
    {
        var input = SampleCharts.Composition() with
        {
            Arms = [.. Enumerable.Range(1, 30).Select(i => "Arm with a long name " + i.ToString(CultureInfo.InvariantCulture))],
        };
        input = input with { Fractions = [.. input.Arms.Select(_ => new double[] { 1, 2, 3, 4, 5 })], ProgressedCounts = null };
        var root = Parse(Charts.CompositionChart.Render(input, Style with { Width = 640, Height = 480 }));
        var plot = Elements(Elements(root, "clipPath").Single(), "rect").Single();
        Assert.True(double.Parse((string)plot.Attribute("height")!, CultureInfo.InvariantCulture) > 100);
    }
}
