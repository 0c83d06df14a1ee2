using ResistanceSim.Engine.Observation;
using ResistanceSim.Engine.State;
using ResistanceSim.Model;

namespace ResistanceSim.Engine.Running;

/// <summary>
/// The cells the drugs have killed and the body has not yet cleared, which a scan reads with the living ones
/// (<see cref="Model.Clinical.TumourImaging.KilledCellsHalfLifeDays"/>; docs/trials.md, "What a scan reads"). Killed
/// cells arrive at each clone's drug-added death rate (its death rate less the untreated one) times its cells, and clear
/// at λ = ln 2 / half-life. Between two checkpoints the clones' rates are held, and the arrival rate is taken as
/// exponential in time between its values at the two ends (exact while one clone's cells dominate, as they grow or
/// shrink exponentially), which the uncleared count integrates in closed form.
/// </summary>
public sealed class UnclearedKills
{
    private double _clearancePerDay;
    private double _arrivalsPerDay;
    private double _since;

    /// <summary>Killed cells not yet cleared, as of the last <see cref="AdvanceTo"/>.</summary>
    public double Cells { get; private set; }

    /// <summary>Whether kills linger at all (a half-life was given).</summary>
    public bool Active => _clearancePerDay > 0;

    /// <summary>A new patient history: nothing killed yet; kills clear with <paramref name="halfLifeDays"/> (0: at once, nothing is kept).</summary>
    public void Reset(double halfLifeDays)
    {
        _clearancePerDay = halfLifeDays > 0 ? Math.Log(2) / halfLifeDays : 0;
        Cells = 0;
        _arrivalsPerDay = 0;
        _since = 0;
    }

    /// <summary>Day 0 of a new scanned period (the studied line after the prior lines): the clock restarts, the uncleared cells stay.</summary>
    public void Rebase() => _since = 0;

    /// <summary>Continues a past another run left (<see cref="PatientHistory"/>): <paramref name="cells"/> uncleared at <paramref name="day"/>.</summary>
    public void ResumeAt(double day, double cells)
    {
        Cells = cells;
        _since = day;
    }

    /// <summary>
    /// Brings the uncleared cells to <paramref name="day"/>: <paramref name="arrivalsPerDayNow"/> is the arrival rate now,
    /// under the rates held since the last call (before they are refreshed).
    /// </summary>
    public void AdvanceTo(double day, double arrivalsPerDayNow)
    {
        double span = day - _since;
        _since = day;
        if (span <= 0 || !Active) return;
        double survive = Math.Exp(-_clearancePerDay * span);
        Cells = Cells * survive + Arrived(_arrivalsPerDay, arrivalsPerDayNow, span, _clearancePerDay, survive);
    }

    /// <summary>The arrival rate from now on, under the rates just set (after a refresh, a new clone set, a new period).</summary>
    public void Hold(double arrivalsPerDay) => _arrivalsPerDay = arrivalsPerDay;

    /// <summary>
    /// Cells arriving over <paramref name="span"/> days that are still there at its end: ∫₀^Δ a(s) e^(−λ(Δ−s)) ds with a(s)
    /// exponential from <paramref name="start"/> to <paramref name="end"/>, or linear when either end is 0.
    /// </summary>
    public static double Arrived(double start, double end, double span, double clearancePerDay, double survive)
    {
        if (start > 0 && end > 0)
        {
            double x = Math.Log(end / start) + clearancePerDay * span;   // (g + λ)Δ, g the arrival rate's growth rate
            double expm1OverX = Math.Abs(x) < 1e-8 ? 1 + 0.5 * x : (Math.Exp(x) - 1) / x;
            return start * survive * span * expm1OverX;
        }
        // a(s) = start + (end − start)·s/Δ: the constant part, plus the slope's part Δ²·(y − 1 + e^(−y))/y² with y = λΔ.
        double y = clearancePerDay * span;
        double constantPart = start * span * (y < 1e-3 ? 1 - y / 2 + y * y / 6 : (1 - survive) / y);
        double slopePart = (end - start) * span * (y < 1e-3 ? 0.5 - y / 6 + y * y / 24 : (y - 1 + survive) / (y * y));
        return constantPart + slopePart;
    }

    /// <summary>
    /// The rate at which the clones' cells are being killed by drug now: Σ max(0, δᵢ − d0)·nᵢ over the clones a scan reads
    /// in the sum of diameters — all of them, or those outside every sanctuary when the scans image sanctuaries apart
    /// (a sanctuary lesion is read from its living cells).
    /// </summary>
    public static double ArrivalsPerDay(CloneState clones, double untreatedDeathPerDay, MechanismCatalog catalog, bool sanctuariesApart)
    {
        var cells = clones.Cells;
        var death = clones.Death;
        var genotype = clones.Genotype;
        double sum = 0;
        for (int i = 0; i < cells.Length; i++)
        {
            double added = death[i] - untreatedDeathPerDay;
            if (added <= 0 || cells[i] == 0) continue;
            if (sanctuariesApart && SanctuaryBurden.InSanctuary(catalog, genotype[i])) continue;
            sum += added * cells[i];
        }
        return sum;
    }
}
