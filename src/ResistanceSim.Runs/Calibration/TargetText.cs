using System.Globalization;
using ResistanceSim.Model.Calibration;

namespace ResistanceSim.Runs.Calibration;

/// <summary>How targets and simulated values are written in the calibration's tables, report and <c>--check</c>.</summary>
internal static class TargetText
{
    /// <summary>Three significant digits, never in exponent form (10700, 0.0876); "-" when not finite.</summary>
    public static string Value(double value)
    {
        if (!double.IsFinite(value)) return "-";
        if (value == 0 || Math.Abs(value) < 1000) return value.ToString("G3", CultureInfo.InvariantCulture);
        double unit = Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(value))) - 2);
        return (Math.Round(value / unit, MidpointRounding.AwayFromZero) * unit).ToString("0", CultureInfo.InvariantCulture);
    }

    /// <summary>The published value or range as the file gives it.</summary>
    public static string Published(CalibrationTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        string low = target.Low.ToString("G6", CultureInfo.InvariantCulture);
        return target.Low == target.High ? low : $"{low}–{target.High.ToString("G6", CultureInfo.InvariantCulture)}";
    }

    /// <summary>What "within tolerance" allows: ±the tolerance, ±1.96 standard errors, or "the range" for a bare published range.</summary>
    public static string Tolerance(CalibrationTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.Allowance == 0) return "the range";
        return target.Allowance == 1 ? $"±{Value(target.Scale)}" : $"±{Value(target.Allowance * target.Scale)} (1.96 SE)";
    }
}
