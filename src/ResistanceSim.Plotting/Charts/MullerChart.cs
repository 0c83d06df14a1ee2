using ResistanceSim.Plotting.Colors;
using ResistanceSim.Plotting.Layout;
using ResistanceSim.Plotting.Scales;
using ResistanceSim.Plotting.Svg;

namespace ResistanceSim.Plotting.Charts;

/// <summary>
/// Muller (fish) plot: clone frequencies over time as nested bands (<see cref="MullerLayout"/>),
/// coloured by mechanism family; clones of one family alternate in lightness so nested clones of
/// the same family stay distinguishable, and each band has a thin darker outline (so a clone
/// thinner than a pixel still shows as a line). Clones whose band becomes tall enough carry their label.
/// </summary>
public static class MullerChart
{
    // Lightness steps for successive clones of one family (0 = the family hue itself).
    private static readonly double[] FamilyTints = [0, 0.35, 0.18, 0.5, 0.1, 0.42];

    /// <summary>Renders the chart as an SVG document.</summary>
    public static string Render(MullerInput input, ChartStyle? style = null)
    {
        style ??= ChartStyle.Default;
        if (input.Times.Length < 2)
        {
            throw new ArgumentException("A Muller plot needs at least two time points.", nameof(input));
        }

        var bands = MullerLayout.Compute(input.Clones, input.Times.Length);
        var familyColors = new CategoryColors(input.FamilyColors);
        var families = input.Clones.Select(c => c.Family).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        var cloneColors = CloneColors(input.Clones, familyColors);
        var legend = families.Select(f => new LegendEntry(f, LegendSymbol.Swatch, familyColors[f].ToHex())).ToList();

        var frame = new ChartFrame(style, input.Title,
            new Axis(AxisSide.Bottom, new LinearScale(input.Times.Min(), input.Times.Max(), style.TargetTickCount), input.TimeLabel, style, grid: false),
            new Axis(AxisSide.Left, new LinearScale(0, 1, 6, v => NumberFormat.Percent(v)), "Clone frequency", style, grid: false),
            null, legend);

        var svg = new SvgWriter(style.Width, style.Height, input.Title);
        frame.RenderUnderlay(svg);
        frame.BeginData(svg);
        svg.Rectangle(frame.Plot, "#f7f7f7");
        foreach (int c in bands.DrawOrder)
        {
            if (VisibleRange(bands, c) is not { } range)
            {
                continue;
            }

            svg.FillPath(BandPath(input.Times, bands.Lower[c], bands.Upper[c], range, frame), cloneColors[c].ToHex(),
                stroke: cloneColors[c].Mix(Palette.Black, 0.3).ToHex(), strokeWidth: 0.5, cssClass: "clone");
        }

        DrawLabels(svg, input, bands, cloneColors, frame, style);
        frame.EndData(svg);
        frame.RenderAxes(svg);
        return svg.Finish();
    }

    private static RgbColor[] CloneColors(IReadOnlyList<MullerClone> clones, CategoryColors familyColors)
    {
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        return [.. clones.Select(c =>
        {
            int k = seen.TryGetValue(c.Family, out int count) ? count : 0;
            seen[c.Family] = k + 1;
            return familyColors[c.Family].Tint(FamilyTints[k % FamilyTints.Length]);
        })];
    }

    /// <summary>
    /// The time-index range where the band has height, widened by one sample on each side so the
    /// clone emerges from (and vanishes into) its parent as a wedge; null if it never has height.
    /// Trimming keeps zero-height stretches from showing as outline strokes.
    /// </summary>
    private static (int First, int Last)? VisibleRange(MullerBands bands, int c)
    {
        int count = bands.Lower[c].Length;
        int first = -1;
        int last = -1;
        for (int t = 0; t < count; t++)
        {
            if (bands.Upper[c][t] > bands.Lower[c][t])
            {
                first = first < 0 ? t : first;
                last = t;
            }
        }

        return first < 0 ? null : (Math.Max(0, first - 1), Math.Min(count - 1, last + 1));
    }

    private static PathBuilder BandPath(double[] times, double[] lower, double[] upper, (int First, int Last) range, ChartFrame frame)
    {
        var path = new PathBuilder().MoveTo(frame.Px(times[range.First]), frame.Py(upper[range.First]));
        for (int t = range.First + 1; t <= range.Last; t++)
        {
            path.LineTo(frame.Px(times[t]), frame.Py(upper[t]));
        }

        for (int t = range.Last; t >= range.First; t--)
        {
            path.LineTo(frame.Px(times[t]), frame.Py(lower[t]));
        }

        return path.Close();
    }

    /// <summary>
    /// Labels each clone at the time its band is tallest among times where no child band covers
    /// the band's middle (children are painted over their parent), if the label fits there.
    /// </summary>
    private static void DrawLabels(SvgWriter svg, MullerInput input, MullerBands bands, RgbColor[] colors, ChartFrame frame, ChartStyle style)
    {
        double font = style.TickFontSize * 0.9;
        for (int c = 0; c < input.Clones.Count; c++)
        {
            string label = input.Clones[c].Label;
            double width = TextMetrics.Width(label, font);
            int best = -1;
            double bestHeight = 0;
            for (int t = 0; t < input.Times.Length; t++)
            {
                double height = (bands.Upper[c][t] - bands.Lower[c][t]) * frame.Plot.Height;
                double x = frame.Px(input.Times[t]);
                bool inside = x - (width / 2) >= frame.Plot.X && x + (width / 2) <= frame.Plot.Right;
                if (inside && height > bestHeight && !HasChildCovering(bands, c, t))
                {
                    bestHeight = height;
                    best = t;
                }
            }

            if (best < 0 || bestHeight < font * 2.2)
            {
                continue;
            }

            double y = frame.Py((bands.Lower[c][best] + bands.Upper[c][best]) / 2) + (font * 0.35);
            svg.Text(frame.Px(input.Times[best]), y, label, font, colors[c].ContrastingInk(), TextAnchor.Middle, cssClass: "clone-label");
        }
    }

    private static bool HasChildCovering(MullerBands bands, int c, int t)
    {
        double mid = (bands.Lower[c][t] + bands.Upper[c][t]) / 2;
        double halfHeight = (bands.Upper[c][t] - bands.Lower[c][t]) * 0.15;
        for (int k = 0; k < bands.ParentIndex.Count; k++)
        {
            if (bands.ParentIndex[k] == c && bands.Upper[k][t] > mid - halfHeight && bands.Lower[k][t] < mid + halfHeight)
            {
                return true;
            }
        }

        return false;
    }
}
