namespace ResistanceSim.Model.Clinical;

/// <summary>
/// How a virtual patient's tumour is seen in the clinic: a scan every <see cref="ScanEveryDays"/>
/// (6 weeks in PROFILE 1014, Solomon 2014 — BIOLOGY.md) reads the burden as a RECIST sum of longest
/// diameters (<see cref="TumourBurdenConversion"/>: the cells split equally over
/// <see cref="Lesions"/> spherical lesions at <see cref="CellsPerCubicCentimetre"/>; lesions under
/// <see cref="DetectionLimitMm"/> are not seen), classified with <see cref="Thresholds"/>.
/// </summary>
public sealed record TumourImaging(
    double ScanEveryDays, int Lesions, double CellsPerCubicCentimetre, double DetectionLimitMm, RecistThresholds Thresholds)
{
    /// <summary>PROFILE 1014's schedule (every 6 weeks), one lesion, 1e9 cells/cm³ (illustrative), any cell visible, RECIST 1.1.</summary>
    public static TumourImaging Default { get; } = new(42, 1, TumourBurdenConversion.DefaultCellsPerCubicCentimetre, 0, RecistThresholds.Recist11);

    public double SumOfDiametersMm(double cells) =>
        TumourBurdenConversion.SumOfDiametersMm(cells, Lesions, CellsPerCubicCentimetre, DetectionLimitMm);
}
