namespace ResistanceSim.Model;

/// <summary>
/// A virtual viability assay (MTT / CellTiter-Glo style): at each of <see cref="Days"/> (the run's end when
/// empty) the population is plated, <see cref="CellsPerWell"/> cells per well drawn from it, in
/// <see cref="Wells"/> replicate wells at each concentration of <see cref="Drug"/> (plus vehicle), grown
/// for <see cref="DurationDays"/>; viability is cells relative to vehicle, fitted with a 4-parameter Hill curve.
/// </summary>
/// <param name="Name">Names the assay in the output table.</param>
/// <param name="ConcentrationsNanoMolar">Serial dilution, total drug in the medium, ascending.</param>
public sealed record ViabilityAssay(
    string Name, string Drug, IReadOnlyList<double> Days, IReadOnlyList<double> ConcentrationsNanoMolar,
    int Wells, long CellsPerWell, double DurationDays)
{
    /// <summary>Serial dilution: <paramref name="count"/> concentrations from <paramref name="highest"/> down by <paramref name="dilution"/>, ascending.</summary>
    public static IReadOnlyList<double> SerialDilution(double highest, double dilution, int count) =>
        Enumerable.Range(0, count).Select(i => highest / Math.Pow(dilution, count - 1 - i)).ToArray();
}
