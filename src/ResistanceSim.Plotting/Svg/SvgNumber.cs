using System.Globalization;

namespace ResistanceSim.Plotting.Svg;

/// <summary>Culture-invariant, compact formatting of coordinates for SVG attributes.</summary>
public static class SvgNumber
{
    /// <summary>Formats a coordinate with at most two decimals (1/100 px is below any screen's resolution).</summary>
    public static string Format(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "SVG coordinates must be finite.");
        }

        double rounded = Math.Round(value, 2, MidpointRounding.AwayFromZero);
        if (rounded == 0)
        {
            return "0"; // avoids "-0"
        }

        return rounded.ToString("0.##", CultureInfo.InvariantCulture);
    }
}
