using System.Globalization;

namespace ResistanceSim.Cli.Calibration;

/// <summary>
/// A target's metric as one run measured it, with its 95% interval: the readout's own intervals for trial endpoints
/// (Brookmeyer–Crowley for a median, Greenwood for PFS at a time, Wilson for a proportion, Cox for a hazard ratio)
/// and the 2.5–97.5% range over work units for culture metrics. NaN bounds when the run cannot give them.
/// </summary>
public readonly record struct TargetEstimate(double Value, double Lower, double Upper)
{
    public static TargetEstimate Missing { get; } = new(double.NaN, double.NaN, double.NaN);

    public static TargetEstimate Point(double value) => new(value, double.NaN, double.NaN);

    public override string ToString() => double.IsNaN(Lower) && double.IsNaN(Upper)
        ? TargetText.Value(Value)
        : string.Create(CultureInfo.InvariantCulture, $"{TargetText.Value(Value)} [{TargetText.Value(Lower)}, {TargetText.Value(Upper)}]");
}
