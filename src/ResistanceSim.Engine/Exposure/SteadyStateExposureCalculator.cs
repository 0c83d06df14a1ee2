using ResistanceSim.Model;

namespace ResistanceSim.Engine.Exposure;

/// <summary>
/// Computes <see cref="SteadyStateExposure"/> from the doses a patient took, exactly, with the one-compartment
/// oral model. The window opens a lead-in of five half-lives (of the slower of absorption and elimination) after
/// the first dose taken — 97% of steady state — and closes at the end of the run or one dosing interval after the
/// last scheduled dose, whichever is first. It is cut into blocks of one day (one dosing interval when that is
/// longer); per block the lowest and highest concentration and the area are exact: between two doses the curve is
/// α e^(−ke s) − β e^(−ka s), which has at most one turning point.
/// </summary>
public static class SteadyStateExposureCalculator
{
    /// <summary>Half-lives between the first dose and the start of the window: 1 − 2^−5 ≈ 97% of steady state.</summary>
    public const double LeadInHalfLives = 5;

    private const double HoursPerDay = 24;

    /// <param name="doseDays">Days of the doses taken, ascending.</param>
    /// <param name="doseMilligrams">Amount of each dose taken.</param>
    /// <param name="lastScheduledDoseDay">Day of the last dose the protocol scheduled (taken or missed).</param>
    /// <param name="intervalHours">Dosing interval of the regimen.</param>
    /// <param name="endDay">Day the run ended (progression or end of follow-up).</param>
    public static SteadyStateExposure Compute(OralOneCompartmentPk pk, IReadOnlyList<double> doseDays, IReadOnlyList<double> doseMilligrams,
        double lastScheduledDoseDay, double intervalHours, double endDay)
    {
        ArgumentNullException.ThrowIfNull(pk);
        ArgumentNullException.ThrowIfNull(doseDays);
        ArgumentNullException.ThrowIfNull(doseMilligrams);
        if (doseDays.Count != doseMilligrams.Count) throw new ArgumentException("one amount per dose day", nameof(doseMilligrams));
        if (!(intervalHours > 0)) throw new ArgumentOutOfRangeException(nameof(intervalHours), intervalHours, "must be > 0");
        if (doseDays.Count == 0) return SteadyStateExposure.None;

        double windowStart = doseDays[0] + LeadInDays(pk);
        double windowEnd = Math.Min(endDay, lastScheduledDoseDay + intervalHours / HoursPerDay);
        double blockDays = Math.Max(1, intervalHours / HoursPerDay);
        // The slack absorbs rounding in day arithmetic (sums of dose intervals), not a partial block.
        int blocks = (int)Math.Floor((windowEnd - windowStart) / blockDays + 1e-9);
        if (blocks < 1) return SteadyStateExposure.None;

        var curve = new PiecewiseCurve(pk, doseDays, doseMilligrams);
        double troughs = 0, peaks = 0, area = 0;
        for (int b = 0; b < blocks; b++)
        {
            double from = windowStart + b * blockDays, to = from + blockDays;
            var (low, high, auc) = curve.Over(from, to);
            troughs += low;
            peaks += high;
            area += auc;
        }
        return new SteadyStateExposure(troughs / blocks, peaks / blocks, area / (blocks * blockDays));
    }

    public static double LeadInDays(OralOneCompartmentPk pk)
    {
        ArgumentNullException.ThrowIfNull(pk);
        double slowest = Math.Min(pk.AbsorptionPerHour, pk.EliminationPerHour);
        return LeadInHalfLives * Math.Log(2) / slowest / HoursPerDay;
    }

    /// <summary>
    /// The superposed concentration walked forward in time. As in <see cref="OralDoseLog"/> the state is three sums
    /// over the doses so far, as of the latest: E = Σ Dᵢe^(−ke Δᵢ), A = Σ Dᵢe^(−ka Δᵢ), W = Σ DᵢΔᵢe^(−ke Δᵢ). At s
    /// hours after the latest dose C(s) = cE·E e^(−ke s) + cA·A e^(−ka s) + cW·(W + sE) e^(−ke s), the coefficients
    /// read off the model's own formula (only cW is non-zero in the ka = ke limit).
    /// </summary>
    private sealed class PiecewiseCurve
    {
        private readonly IReadOnlyList<double> _days, _milligrams;
        private readonly double _ka, _ke, _cE, _cA, _cW;
        private int _next;
        private double _latest = double.NaN, _e, _a, _w;

        public PiecewiseCurve(OralOneCompartmentPk pk, IReadOnlyList<double> days, IReadOnlyList<double> milligrams)
        {
            _days = days;
            _milligrams = milligrams;
            _ka = pk.AbsorptionPerHour;
            _ke = pk.EliminationPerHour;
            _cE = pk.NanoMolarFromDoseSums(1, 0, 0);
            _cA = pk.NanoMolarFromDoseSums(0, 1, 0);
            _cW = pk.NanoMolarFromDoseSums(0, 0, 1);
        }

        /// <summary>Lowest and highest concentration and the area (nM·h) over [from, to]; calls must move forward in time.</summary>
        public (double Low, double High, double Area) Over(double from, double to)
        {
            double low = double.PositiveInfinity, high = double.NegativeInfinity, area = 0;
            double at = from;
            while (at < to)
            {
                while (_next < _days.Count && _days[_next] <= at) Take(_next++);
                double pieceEnd = _next < _days.Count ? Math.Min(to, _days[_next]) : to;
                if (double.IsNaN(_latest))
                {
                    low = Math.Min(low, 0);
                    high = Math.Max(high, 0);
                }
                else
                {
                    double su = (at - _latest) * HoursPerDay, sv = (pieceEnd - _latest) * HoursPerDay;
                    double cu = At(su), cv = At(sv);
                    low = Math.Min(low, Math.Min(cu, cv));
                    high = Math.Max(high, Math.Max(cu, cv));
                    double turn = TurningPoint();
                    if (turn > su && turn < sv)
                    {
                        double ct = At(turn);
                        low = Math.Min(low, ct);
                        high = Math.Max(high, ct);
                    }
                    area += Area(su, sv);
                }
                at = pieceEnd;
            }
            return (low, high, area);
        }

        private void Take(int dose)
        {
            if (!double.IsNaN(_latest))
            {
                double hours = (_days[dose] - _latest) * HoursPerDay;
                double elimination = Math.Exp(-_ke * hours);
                _w = (_w + hours * _e) * elimination;
                _e *= elimination;
                _a *= Math.Exp(-_ka * hours);
            }
            _e += _milligrams[dose];
            _a += _milligrams[dose];
            _latest = _days[dose];
        }

        private double At(double s) =>
            _cE * _e * Math.Exp(-_ke * s) + _cA * _a * Math.Exp(-_ka * s) + _cW * (_w + s * _e) * Math.Exp(-_ke * s);

        /// <summary>Hours after the latest dose where dC/ds = 0, or NaN if there is none.</summary>
        private double TurningPoint()
        {
            if (_cW != 0) return _e > 0 ? 1 / _ke - _w / _e : double.NaN;
            // cE·E·ke·e^(−ke s) = −cA·A·ka·e^(−ka s)  ⇒  e^((ka − ke) s) = −cA·A·ka / (cE·E·ke)
            double ratio = -_cA * _a * _ka / (_cE * _e * _ke);
            return ratio > 0 ? Math.Log(ratio) / (_ka - _ke) : double.NaN;
        }

        private double Area(double su, double sv)
        {
            double decayKe = (Math.Exp(-_ke * su) - Math.Exp(-_ke * sv)) / _ke;
            double decayKa = (Math.Exp(-_ka * su) - Math.Exp(-_ka * sv)) / _ka;
            // ∫ (W + sE) e^(−ke s) ds = [−(W + sE) e^(−ke s)/ke − E e^(−ke s)/ke²]
            double ramp = _cW == 0 ? 0
                : (_w + su * _e) * Math.Exp(-_ke * su) / _ke - (_w + sv * _e) * Math.Exp(-_ke * sv) / _ke + _e * decayKe / _ke;
            return _cE * _e * decayKe + _cA * _a * decayKa + _cW * ramp;
        }
    }
}
