namespace ResistanceSim.Model.Clinical;

/// <summary>
/// Converts a simulated tumour burden (cells) into a RECIST sum of longest diameters, assuming the
/// burden is split equally over spherical lesions: V = cells / cellsPerCubicCentimetre,
/// diameter = (6V/π)^{1/3}.
/// </summary>
/// <remarks>
/// The default density of 1e9 cells per cm³ (≈ 1 g) is the common rule of thumb (Del Monte 2009,
/// Cell Cycle 8:505, who shows real tissue can hold fewer cells per gram); treat it, the spherical
/// shape and the even split over lesions as illustrative. With the defaults, 1e9 cells in one lesion
/// give a diameter of 12.4 mm. Lesions whose diameter falls below <c>detectionLimitMm</c> count
/// as disappeared (0 mm); the default 0 means any cell is visible.
/// </remarks>
public static class TumourBurdenConversion
{
    /// <summary>Illustrative default: 1e9 cells ≈ 1 cm³ (Del Monte 2009).</summary>
    public const double DefaultCellsPerCubicCentimetre = 1e9;

    /// <summary>Diameter in mm of one spherical lesion of <paramref name="cells"/> ≥ 0 cells.</summary>
    public static double LesionDiameterMm(double cells, double cellsPerCubicCentimetre = DefaultCellsPerCubicCentimetre)
    {
        if (!double.IsFinite(cells) || cells < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(cells), cells, "Cell count must be finite and >= 0.");
        }

        if (!double.IsFinite(cellsPerCubicCentimetre) || cellsPerCubicCentimetre <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(cellsPerCubicCentimetre), cellsPerCubicCentimetre, "Cell density must be > 0.");
        }

        var volumeCm3 = cells / cellsPerCubicCentimetre;
        return 10 * Math.Cbrt(6 * volumeCm3 / Math.PI);
    }

    /// <summary>Cells of one spherical lesion of <paramref name="diameterMm"/> ≥ 0 mm: the inverse of <see cref="LesionDiameterMm"/>.</summary>
    public static double LesionCells(double diameterMm, double cellsPerCubicCentimetre = DefaultCellsPerCubicCentimetre) =>
        Math.PI / 6 * Math.Pow(diameterMm / 10, 3) * cellsPerCubicCentimetre;

    /// <summary>Sum of longest diameters (mm) for <paramref name="cells"/> split equally over
    /// <paramref name="lesionCount"/> ≥ 1 spherical lesions; 0 if each lesion is below
    /// <paramref name="detectionLimitMm"/> ≥ 0.</summary>
    public static double SumOfDiametersMm(
        double cells,
        int lesionCount = 1,
        double cellsPerCubicCentimetre = DefaultCellsPerCubicCentimetre,
        double detectionLimitMm = 0)
    {
        if (lesionCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(lesionCount), lesionCount, "Need at least one lesion.");
        }

        if (!double.IsFinite(detectionLimitMm) || detectionLimitMm < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(detectionLimitMm), detectionLimitMm, "Detection limit must be >= 0 mm.");
        }

        var diameter = LesionDiameterMm(cells / lesionCount, cellsPerCubicCentimetre);
        return diameter < detectionLimitMm ? 0 : lesionCount * diameter;
    }
}
