namespace ResistanceSim.Model;

/// <summary>
/// One swept parameter: the scenario path it sets (<c>population.b0_per_day</c>,
/// <c>protocol[0].drugs.crizotinib.concentration_nM</c>), the output column that carries its value
/// in <c>points/</c> and <c>summary/</c>, and whether every value of it is a number.
/// </summary>
public sealed record SweepParameter(string Path, string Column, bool IsNumeric);
