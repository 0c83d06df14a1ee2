namespace ResistanceSim.Engine.Running;

/// <summary>
/// Reads the population size at each sample the way a scan reads a tumour: tracks the nadir and
/// declares progression the first time the size reaches <c>fold × nadir</c> (the nadir includes the
/// baseline, as in RECIST).
/// </summary>
public sealed class ResponseTracker
{
    private double _fold;

    public double BaselineCells { get; private set; }
    public double NadirCells { get; private set; }
    public double NadirDay { get; private set; }
    public double ProgressionDay { get; private set; }
    public bool Progressed => !double.IsNaN(ProgressionDay);

    /// <summary>Nadir relative to baseline minus one: −1 is complete response, 0 no shrinkage.</summary>
    public double BestResponse => BaselineCells > 0 ? NadirCells / BaselineCells - 1 : double.NaN;

    public void Reset(double fold)
    {
        _fold = fold;
        BaselineCells = double.NaN;
        NadirCells = double.PositiveInfinity;
        NadirDay = double.NaN;
        ProgressionDay = double.NaN;
    }

    public void Observe(double day, double cells)
    {
        if (double.IsNaN(BaselineCells)) BaselineCells = cells;
        if (Progressed) return;
        if (cells < NadirCells)
        {
            NadirCells = cells;
            NadirDay = day;
        }
        else if (cells > 0 && cells >= _fold * NadirCells)
        {
            ProgressionDay = day;
        }
    }
}
