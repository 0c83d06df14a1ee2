namespace ResistanceSim.Model;

/// <summary>
/// One point of a sweep: its index (the <c>point</c> column) and the value of each swept parameter as
/// written into the scenario (text, in <see cref="Sweep.Parameters"/> order), with the numeric reading
/// (NaN for text) for numeric columns.
/// </summary>
public sealed record SweepPoint(int Index, IReadOnlyList<string> Values, IReadOnlyList<double> Numbers);
