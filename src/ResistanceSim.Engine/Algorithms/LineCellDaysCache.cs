namespace ResistanceSim.Engine.Algorithms;

/// <summary>
/// The last few <see cref="LineCellDays"/> of one leap length, by rates. Clones that differ only in
/// genotype often share their rates (per-genotype McFarland runs: thousands of clones, a handful of
/// birth rates), and for a small clone computing its cell-days costs about as much as its BNB draw.
/// </summary>
internal sealed class LineCellDaysCache
{
    private const int Size = 8;
    private readonly double[] _birth = new double[Size];
    private readonly double[] _death = new double[Size];
    private readonly LineCellDays[] _value = new LineCellDays[Size];
    private double _tau = double.NaN;
    private int _count, _next;

    public LineCellDays Of(double birth, double death, double tau)
    {
        if (tau != _tau)
        {
            _tau = tau;
            _count = _next = 0;
        }
        for (int k = 0; k < _count; k++)
            if (_birth[k] == birth && _death[k] == death) return _value[k];
        var value = LineCellDays.Of(birth, death, tau);
        _birth[_next] = birth;
        _death[_next] = death;
        _value[_next] = value;
        _next = (_next + 1) % Size;
        if (_count < Size) _count++;
        return value;
    }
}
