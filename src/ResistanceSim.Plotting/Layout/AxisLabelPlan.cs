namespace ResistanceSim.Plotting.Layout;

/// <summary>Every <paramref name="Stride"/>-th major tick is labelled; <paramref name="Rotated"/> labels are turned 45°.</summary>
public readonly record struct AxisLabelPlan(int Stride, bool Rotated);
