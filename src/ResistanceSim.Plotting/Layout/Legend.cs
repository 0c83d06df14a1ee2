using ResistanceSim.Plotting.Svg;

namespace ResistanceSim.Plotting.Layout;

/// <summary>
/// A horizontal legend above the plot area that wraps into rows, so it never covers data and
/// costs no plot width.
/// </summary>
public sealed class Legend
{
    private const double KeyWidth = 26;
    private const double KeyGap = 7;
    private const double EntryGap = 22;

    private readonly IReadOnlyList<LegendEntry> _entries;
    private readonly ChartStyle _style;

    /// <summary>Creates a legend of the given entries.</summary>
    public Legend(IReadOnlyList<LegendEntry> entries, ChartStyle style)
    {
        _entries = entries;
        _style = style;
    }

    private double RowHeight => _style.LegendFontSize * 1.6;

    /// <summary>Height needed when wrapped into <paramref name="availableWidth"/>.</summary>
    public double Height(double availableWidth) => _entries.Count == 0 ? 0 : Rows(availableWidth).Count * RowHeight;

    /// <summary>Draws the legend with its top-left corner at (x, y).</summary>
    public void Render(SvgWriter svg, double x, double y, double availableWidth)
    {
        if (_entries.Count == 0)
        {
            return;
        }

        svg.Open("g", ("class", "legend"));
        double rowTop = y;
        foreach (var row in Rows(availableWidth))
        {
            double cx = x;
            double mid = rowTop + (RowHeight / 2);
            foreach (var entry in row)
            {
                svg.Open("g", ("class", "legend-entry"));
                DrawKey(svg, entry, cx, mid);
                svg.Text(cx + KeyWidth + KeyGap, mid + (_style.LegendFontSize * 0.35), entry.Label, _style.LegendFontSize, _style.Ink);
                svg.Close();
                cx += EntryWidth(entry) + EntryGap;
            }

            rowTop += RowHeight;
        }

        svg.Close();
    }

    private void DrawKey(SvgWriter svg, LegendEntry entry, double x, double mid)
    {
        switch (entry.Symbol)
        {
            case LegendSymbol.Swatch:
                double size = _style.LegendFontSize * 0.95;
                svg.Rectangle(new Rect(x + ((KeyWidth - size) / 2), mid - (size / 2), size, size), entry.Color, "#555555", strokeWidth: 0.6);
                break;
            case LegendSymbol.LineAndMarker:
                svg.Line(x, mid, x + KeyWidth, mid, entry.Color, entry.LineWidth, entry.Dash);
                svg.Circle(x + (KeyWidth / 2), mid, 4.5, entry.Color, "#ffffff", 1);
                break;
            default:
                svg.Line(x, mid, x + KeyWidth, mid, entry.Color, entry.LineWidth, entry.Dash);
                break;
        }
    }

    private double EntryWidth(LegendEntry entry) => KeyWidth + KeyGap + TextMetrics.Width(entry.Label, _style.LegendFontSize);

    private List<List<LegendEntry>> Rows(double availableWidth)
    {
        var rows = new List<List<LegendEntry>>();
        var current = new List<LegendEntry>();
        double used = 0;
        foreach (var entry in _entries)
        {
            double width = EntryWidth(entry);
            if (current.Count > 0 && used + EntryGap + width > availableWidth)
            {
                rows.Add(current);
                current = [];
                used = 0;
            }

            used += (current.Count > 0 ? EntryGap : 0) + width;
            current.Add(entry);
        }

        if (current.Count > 0)
        {
            rows.Add(current);
        }

        return rows;
    }
}
