using ResistanceSim.Plotting.Svg;

namespace ResistanceSim.Plotting.Charts;

/// <summary>Turns data points into SVG paths, breaking the line where a point cannot be drawn.</summary>
internal static class SeriesPath
{
    /// <summary>
    /// A polyline through (x, y); points that map to NaN (zero on a log axis, missing values)
    /// end the current segment, so an extinct population shows as a gap rather than a dive to the axis.
    /// </summary>
    public static PathBuilder Polyline(IReadOnlyList<double> xs, IReadOnlyList<double> ys, Func<double, double> px, Func<double, double> py)
    {
        var path = new PathBuilder();
        bool drawing = false;
        for (int i = 0; i < xs.Count; i++)
        {
            double x = px(xs[i]);
            double y = py(ys[i]);
            if (double.IsNaN(x) || double.IsNaN(y))
            {
                drawing = false;
                continue;
            }

            if (drawing)
            {
                path.LineTo(x, y);
            }
            else
            {
                path.MoveTo(x, y);
                drawing = true;
            }
        }

        return path;
    }
}
