using System.Globalization;

namespace ResistanceSim.Plotting.Scales;

/// <summary>Culture-invariant, compact number labels for ticks, colour bars and tables.</summary>
public static class NumberFormat
{
    private const char Minus = '\u2212'; // typographic minus, as wide as '+'
    private const string Superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /// <summary>
    /// Labels for evenly spaced linear ticks: as many decimals as the step needs, and
    /// scientific notation ("2.5e6") when the magnitude is ≥ 10^5 or below 10^-3.
    /// </summary>
    public static string[] LinearTickLabels(IReadOnlyList<double> ticks)
    {
        if (ticks.Count == 0)
        {
            return [];
        }

        double maxAbs = ticks.Max(Math.Abs);
        double step = ticks.Count > 1 ? Math.Abs(ticks[1] - ticks[0]) : Math.Max(maxAbs, 1);
        bool scientific = maxAbs >= 1e5 || (maxAbs > 0 && maxAbs < 1e-3);
        int decimals = Math.Max(0, -(int)Math.Floor(Math.Log10(step) + 1e-9));
        return [.. ticks.Select(t => scientific ? Scientific(t) : Fixed(t, decimals))];
    }

    /// <summary>
    /// Label of a power-of-ten tick: plain ("0.01", "1", "1000") when every decade on the axis is
    /// within 10^-3..10^4 and so short, otherwise "10⁶" with superscript exponent.
    /// </summary>
    public static string[] LogTickLabels(IReadOnlyList<double> decades)
    {
        bool plain = decades.All(d => d >= 1e-3 && d <= 1e4);
        return [.. decades.Select(d => plain ? Compact(d) : PowerOfTen((int)Math.Round(Math.Log10(d))))];
    }

    /// <summary>"10" followed by the exponent in superscript digits, e.g. 10⁻³.</summary>
    public static string PowerOfTen(int exponent)
    {
        string digits = Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
        var chars = digits.Select(d => Superscripts[d - '0']);
        return "10" + (exponent < 0 ? "⁻" : string.Empty) + string.Concat(chars);
    }

    /// <summary>
    /// A general value with up to 4 significant digits: "0.25", "1200", "3.1e6", "−2".
    /// </summary>
    public static string Compact(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "∞" : Minus + "∞";
        }

        double abs = Math.Abs(value);
        if (abs != 0 && (abs >= 1e5 || abs < 1e-3))
        {
            return Scientific(value);
        }

        string text = value.ToString("0.####", CultureInfo.InvariantCulture);
        if (text.Length > 7)
        {
            text = value.ToString("G4", CultureInfo.InvariantCulture);
        }

        return WithMinus(text);
    }

    /// <summary>A fixed-point label with <paramref name="decimals"/> decimals.</summary>
    public static string Fixed(double value, int decimals)
    {
        double rounded = Math.Round(value, decimals);
        if (rounded == 0)
        {
            rounded = 0; // no "-0"
        }

        return WithMinus(rounded.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
    }

    /// <summary>Scientific notation with a short mantissa: "2.5e6", "1e−3".</summary>
    public static string Scientific(double value)
    {
        if (value == 0)
        {
            return "0";
        }

        return WithMinus(value.ToString("0.###e0", CultureInfo.InvariantCulture));
    }

    /// <summary>A fraction as a percentage: 0.25 → "25%".</summary>
    public static string Percent(double fraction, int decimals = 0) => Fixed(fraction * 100, decimals) + "%";

    private static string WithMinus(string text) => text.Replace('-', Minus);
}
