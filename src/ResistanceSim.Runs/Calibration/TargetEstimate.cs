using System.Globalization;

namespace ResistanceSim.Runs.Calibration;

/// <summary>
/// A target's metric as one run measured it, with its 95% interval: the readout's own intervals for trial endpoints
/// (Brookmeyer–Crowley for a median, Greenwood for PFS at a time, Wilson for a proportion, Cox for a hazard ratio)
/// and the 2.5–97.5% range over work units for culture metrics. NaN bounds when the run cannot give them.
/// </summary>
public readonly record struct TargetEstimate(double Value, double Lower, double Upper)
{
    /// <summary>A metric the run cannot give.</summary>
    public static TargetEstimate Missing { get; } = new(double.NaN, double.NaN, double.NaN);

    /// <summary>A value without an interval (one work unit).</summary>
    public static TargetEstimate Point(double value) => new(value, double.NaN, double.NaN);

    /// <summary>"value [lower, upper]" in three significant digits, or the value alone without an interval.</summary>
    public override string ToString() => double.IsNaN(Lower) && double.IsNaN(Upper)
        ? TargetText.Value(Value)
        : string.Create(CultureInfo.InvariantCulture, $"{TargetText.Value(Value)} [{TargetText.Value(Lower)}, {TargetText.Value(Upper)}]");
}
