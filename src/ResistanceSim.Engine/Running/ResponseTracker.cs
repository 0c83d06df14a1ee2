using ResistanceSim.Model;
using ResistanceSim.Model.Clinical;

namespace ResistanceSim.Engine.Running;

/// <summary>
/// Reads the population size at each sample the way a scan reads a tumour: tracks the nadir and
/// declares progression the first time the scenario's <see cref="ProgressionRule"/> says so against it
/// (the nadir includes the baseline, as in RECIST). For virtual patients (<see cref="RecistProgression"/>)
/// it also classifies every scan by RECIST 1.1 and keeps the best overall response; when the imaging looks at
/// sanctuary sites on their own (<see cref="TumourImaging.ImagesSanctuaries"/>), the sum of diameters is of the rest of
/// the body and the sanctuary's lesions are followed apart (<see cref="SanctuaryLesionFollowUp"/>): a new lesion there,
/// or a known one's growth, is progression whatever the sum does.
/// </summary>
public sealed class ResponseTracker
{
    private ProgressionRule _rule = new FoldOverNadir(StopRule.DefaultProgressionFold);
    private TumourImaging? _imaging;
    private readonly SanctuaryLesionFollowUp _sanctuary = new();

    public double BaselineCells { get; private set; }
    public double NadirCells { get; private set; }
    public double NadirDay { get; private set; }
    public double ProgressionDay { get; private set; }
    public bool Progressed => !double.IsNaN(ProgressionDay);

    /// <summary>Progression that ended an earlier line of a sequential protocol (the first such), NaN if none.</summary>
    public double FirstProgressionDay { get; private set; }

    /// <summary>Lines of therapy started so far: 1, plus one for every switch on progression.</summary>
    public int LinesStarted { get; private set; }

    /// <summary>
    /// First sample at which the population has grown past its baseline by the progression rule (the rule judged
    /// against the baseline instead of the nadir: the endpoint adaptive-therapy trials use), NaN if none yet.
    /// </summary>
    public double BeyondBaselineDay { get; private set; }

    /// <summary>Nadir relative to baseline minus one: −1 is complete response, 0 no shrinkage.</summary>
    public double BestResponse => BaselineCells > 0 ? NadirCells / BaselineCells - 1 : double.NaN;

    /// <summary>RECIST sum of diameters at baseline (mm); NaN unless the rule is RECIST.</summary>
    public double BaselineMm { get; private set; }

    /// <summary>Smallest sum of diameters (mm) at or before progression; NaN unless RECIST.</summary>
    public double NadirMm { get; private set; }

    /// <summary>Best RECIST category among follow-up scans up to and including the progression (NE before any).</summary>
    public RecistResponse BestOverallResponse { get; private set; }

    /// <summary>Whether <see cref="Observe"/> needs the cells in sanctuary sites (the imaging looks at them on their own).</summary>
    public bool ImagesSanctuaries => _imaging?.ImagesSanctuaries ?? false;

    /// <summary>Day a sanctuary site showed as a new lesion on the current line (the progression it caused), NaN if none.</summary>
    public double NewLesionDay { get; private set; }

    /// <summary>Day the sanctuary lesion progressed on the current line, new or grown (the progression it caused), NaN if none.</summary>
    public double SanctuaryProgressionDay { get; private set; }

    /// <summary>
    /// Diameter (mm) of the largest sanctuary lesion at the first scan (the baseline), 0 when none was visible; NaN unless
    /// the scans image sanctuaries apart. Trials report outcomes by this (baseline brain metastases).
    /// </summary>
    public double BaselineSanctuaryMm { get; private set; }

    public void Reset(ProgressionRule rule)
    {
        _rule = rule;
        _imaging = (rule as RecistProgression)?.Imaging;
        BaselineCells = double.NaN;
        NadirCells = double.PositiveInfinity;
        NadirDay = double.NaN;
        ProgressionDay = double.NaN;
        FirstProgressionDay = double.NaN;
        LinesStarted = 1;
        BeyondBaselineDay = double.NaN;
        BaselineMm = double.NaN;
        NadirMm = double.NaN;
        BestOverallResponse = RecistResponse.NotEvaluable;
        _sanctuary.Reset();
        NewLesionDay = double.NaN;
        SanctuaryProgressionDay = double.NaN;
        BaselineSanctuaryMm = double.NaN;
    }

    /// <param name="day">Day of the scan or sample.</param>
    /// <param name="cells">All cells of the tumour.</param>
    /// <param name="sanctuaryCells">Those of them in sanctuary sites, seen as one lesion; read only when <see cref="ImagesSanctuaries"/>.</param>
    public void Observe(double day, double cells, double sanctuaryCells = 0) =>
        Observe(day, cells, new ReadOnlySpan<double>(in sanctuaryCells));

    /// <param name="day">Day of the scan or sample.</param>
    /// <param name="cells">All cells of the tumour.</param>
    /// <param name="lesionCells">
    /// Those of them in each sanctuary lesion imaged apart, as many at every scan of a run (the sum of diameters is of
    /// the rest); read only when <see cref="ImagesSanctuaries"/>.
    /// </param>
    public void Observe(double day, double cells, ReadOnlySpan<double> lesionCells)
    {
        if (double.IsNaN(BeyondBaselineDay) && BaselineCells > 0 && _rule.HasProgressed(BaselineCells, cells))
            BeyondBaselineDay = day;
        if (Progressed) return;
        bool baseline = double.IsNaN(BaselineCells);
        if (baseline) BaselineCells = cells;
        // A scan judges the sum of diameters (RECIST): the same verdict as the rule on cells, and the only one when the
        // sanctuary is imaged apart, since the sum then leaves it out.
        bool progressed = _imaging is { } imaging
            ? Scan(imaging, day, cells, lesionCells, baseline)
            : cells >= NadirCells && _rule.HasProgressed(NadirCells, cells);
        if (cells < NadirCells)
        {
            NadirCells = cells;
            NadirDay = day;
        }
        if (progressed) ProgressionDay = day;
    }

    /// <summary>Reads one scan: the body's sum of diameters and the sanctuary lesions. True on progression.</summary>
    private bool Scan(TumourImaging imaging, double day, double cells, ReadOnlySpan<double> lesionCells, bool baseline)
    {
        double mm = imaging.SumOfDiametersMm(cells, Spans.Sum(lesionCells));
        if (baseline)
        {
            BaselineMm = NadirMm = mm;
            _sanctuary.Start(imaging, lesionCells);
            if (imaging.ImagesSanctuaries) BaselineSanctuaryMm = _sanctuary.LastMm;
            return false;
        }
        var finding = _sanctuary.Scan(imaging, lesionCells);
        var category = finding != SanctuaryFinding.None ? RecistResponse.ProgressiveDisease : imaging.Thresholds.Classify(BaselineMm, NadirMm, mm);
        // A complete response needs every lesion gone, those in the sanctuary too.
        if (category == RecistResponse.CompleteResponse && _sanctuary.LastMm > 0) category = RecistResponse.PartialResponse;
        BestOverallResponse = (RecistResponse)Math.Min((int)BestOverallResponse, (int)category);   // enum order is best first
        NadirMm = Math.Min(NadirMm, mm);
        if (finding != SanctuaryFinding.None) SanctuaryProgressionDay = day;
        if (finding == SanctuaryFinding.NewLesion) NewLesionDay = day;
        return category == RecistResponse.ProgressiveDisease;
    }

    /// <summary>
    /// The protocol moved to its next line because the tumour progressed: that progression is not the end of
    /// the sequence, so it is kept as <see cref="FirstProgressionDay"/> and the nadir restarts from the current size.
    /// </summary>
    /// <remarks>The sanctuary lesions as seen when the next line starts are their baseline on that line.</remarks>
    public void StartNextLine(double day, double cells, double sanctuaryCells = 0) =>
        StartNextLine(day, cells, new ReadOnlySpan<double>(in sanctuaryCells));

    /// <inheritdoc cref="StartNextLine(double, double, double)"/>
    /// <param name="lesionCells">The cells of each sanctuary lesion imaged apart (as at <see cref="Observe(double, double, ReadOnlySpan{double})"/>).</param>
    public void StartNextLine(double day, double cells, ReadOnlySpan<double> lesionCells)
    {
        if (Progressed && double.IsNaN(FirstProgressionDay)) FirstProgressionDay = ProgressionDay;
        LinesStarted++;
        ProgressionDay = double.NaN;
        NewLesionDay = double.NaN;
        SanctuaryProgressionDay = double.NaN;
        NadirCells = cells;
        NadirDay = day;
        if (_imaging is { } imaging)
        {
            NadirMm = imaging.SumOfDiametersMm(cells, Spans.Sum(lesionCells));
            _sanctuary.Start(imaging, lesionCells);
        }
    }
}
