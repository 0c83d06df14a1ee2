using ResistanceSim.Model;
using ResistanceSim.Model.Clinical;

namespace ResistanceSim.Engine.Running;

/// <summary>
/// Reads the population size at each sample the way a scan reads a tumour: tracks the nadir and
/// declares progression the first time the scenario's <see cref="ProgressionRule"/> says so against it
/// (the nadir includes the baseline, as in RECIST). For virtual patients (<see cref="RecistProgression"/>)
/// it also classifies every scan by RECIST 1.1 and keeps the best overall response.
/// </summary>
public sealed class ResponseTracker
{
    private ProgressionRule _rule = new FoldOverNadir(StopRule.DefaultProgressionFold);
    private TumourImaging? _imaging;

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
    }

    public void Observe(double day, double cells)
    {
        if (double.IsNaN(BeyondBaselineDay) && BaselineCells > 0 && _rule.HasProgressed(BaselineCells, cells))
            BeyondBaselineDay = day;
        if (Progressed) return;
        if (double.IsNaN(BaselineCells))
        {
            BaselineCells = cells;
            BaselineMm = NadirMm = _imaging?.SumOfDiametersMm(cells) ?? double.NaN;
        }
        else if (_imaging is { } imaging)
        {
            double mm = imaging.SumOfDiametersMm(cells);
            var category = imaging.Thresholds.Classify(BaselineMm, NadirMm, mm);
            BestOverallResponse = (RecistResponse)Math.Min((int)BestOverallResponse, (int)category);   // enum order is best first
            NadirMm = Math.Min(NadirMm, mm);
        }
        if (cells < NadirCells)
        {
            NadirCells = cells;
            NadirDay = day;
        }
        else if (_rule.HasProgressed(NadirCells, cells))
        {
            ProgressionDay = day;
        }
    }

    /// <summary>
    /// The protocol moved to its next line because the tumour progressed: that progression is not the end of
    /// the sequence, so it is kept as <see cref="FirstProgressionDay"/> and the nadir restarts from the current size.
    /// </summary>
    public void StartNextLine(double day, double cells)
    {
        if (Progressed && double.IsNaN(FirstProgressionDay)) FirstProgressionDay = ProgressionDay;
        LinesStarted++;
        ProgressionDay = double.NaN;
        NadirCells = cells;
        NadirDay = day;
        if (_imaging is { } imaging) NadirMm = imaging.SumOfDiametersMm(cells);
    }
}
