namespace ResistanceSim.Model.Clinical;

/// <summary>
/// How a virtual patient's tumour is seen in the clinic: a scan every <see cref="ScanEveryDays"/>
/// (6 weeks in PROFILE 1014: Solomon et al. 2014, NEJM 371:2167) reads the burden as a RECIST sum of longest
/// diameters (<see cref="TumourBurdenConversion"/>: the cells split equally over
/// <see cref="Lesions"/> spherical lesions at <see cref="CellsPerCubicCentimetre"/>; lesions under
/// <see cref="DetectionLimitMm"/> are not seen), classified with <see cref="Thresholds"/>. With
/// <see cref="NewLesionMm"/> &gt; 0 the scan also images sanctuary sites (cells carrying a <c>kind: sanctuary</c>
/// mechanism, such as brain metastases) on their own, as one lesion seen from that diameter on, and the sum of
/// diameters is of the rest of the body: a site not seen at baseline that becomes visible is a RECIST new lesion, which
/// is progression whatever the sum does (RECIST 1.1 §4.3.3), and one seen at baseline progresses by its own growth.
/// With <see cref="KilledCellsHalfLifeDays"/> &gt; 0 a scan also reads the cells the drugs have killed and the body has
/// not yet cleared (docs/trials.md, "What a scan reads").
/// </summary>
public sealed record TumourImaging(
    double ScanEveryDays, int Lesions, double CellsPerCubicCentimetre, double DetectionLimitMm, RecistThresholds Thresholds,
    double NewLesionMm = 0, double KilledCellsHalfLifeDays = 0)
{
    /// <summary>PROFILE 1014's schedule (every 6 weeks), one lesion, 1e9 cells/cm³ (illustrative), any cell visible, RECIST 1.1.</summary>
    public static TumourImaging Default { get; } = new(42, 1, TumourBurdenConversion.DefaultCellsPerCubicCentimetre, 0, RecistThresholds.Recist11);

    public double SumOfDiametersMm(double cells) =>
        TumourBurdenConversion.SumOfDiametersMm(cells, Lesions, CellsPerCubicCentimetre, DetectionLimitMm);

    /// <summary>
    /// The sum of diameters a scan reads of a tumour of <paramref name="cells"/>, <paramref name="sanctuaryCells"/> of
    /// them in sanctuary sites: those are left out when the scans image them apart (they are then a lesion of their own).
    /// </summary>
    public double SumOfDiametersMm(double cells, double sanctuaryCells) =>
        SumOfDiametersMm(ImagesSanctuaries ? cells - sanctuaryCells : cells);

    /// <summary>Whether scans look at sanctuary sites on their own (<see cref="NewLesionMm"/> &gt; 0).</summary>
    public bool ImagesSanctuaries => NewLesionMm > 0;

    /// <summary>
    /// Diameter (mm) of <paramref name="sanctuaryCells"/> as one spherical lesion, or 0 when it is under
    /// <see cref="NewLesionMm"/> (unseen) or the scans do not image sanctuaries apart.
    /// </summary>
    public double SanctuaryLesionMm(double sanctuaryCells)
    {
        if (!ImagesSanctuaries) return 0;
        double mm = TumourBurdenConversion.LesionDiameterMm(sanctuaryCells, CellsPerCubicCentimetre);
        return mm >= NewLesionMm ? mm : 0;
    }
}
