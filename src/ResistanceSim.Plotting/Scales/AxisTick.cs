namespace ResistanceSim.Plotting.Scales;

/// <summary>A tick at data value <paramref name="Value"/>; minor ticks have no label.</summary>
public readonly record struct AxisTick(double Value, string Label, bool IsMajor);
