namespace ResistanceSim.Engine.Ode;

/// <summary>
/// The explicit Runge–Kutta pair of Dormand &amp; Prince (1980, J Comput Appl Math 6:19): fifth-order
/// solution, embedded fourth-order error estimate, first-same-as-last, and the fourth-order
/// continuous extension of Hairer, Nørsett &amp; Wanner (Solving ODEs I, §II.6, DOPRI5 "contd5")
/// for dense output. Step-size control is the standard I-controller with safety 0.9 and growth
/// limits [0.2, 5]. Stiffness is detected as in DOPRI5 (h·ρ > 3.25 in 15 accepted steps without six clear ones in between, ρ the
/// local Lipschitz estimate from the last two stages) and reported by <see cref="Step"/> returning
/// false, so a caller can switch to an implicit method.
/// </summary>
public sealed class DormandPrince54 : IOdeStepper
{
    private const double C2 = 1.0 / 5, C3 = 3.0 / 10, C4 = 4.0 / 5, C5 = 8.0 / 9;
    private const double A21 = 1.0 / 5;
    private const double A31 = 3.0 / 40, A32 = 9.0 / 40;
    private const double A41 = 44.0 / 45, A42 = -56.0 / 15, A43 = 32.0 / 9;
    private const double A51 = 19372.0 / 6561, A52 = -25360.0 / 2187, A53 = 64448.0 / 6561, A54 = -212.0 / 729;
    private const double A61 = 9017.0 / 3168, A62 = -355.0 / 33, A63 = 46732.0 / 5247, A64 = 49.0 / 176, A65 = -5103.0 / 18656;
    private const double A71 = 35.0 / 384, A73 = 500.0 / 1113, A74 = 125.0 / 192, A75 = -2187.0 / 6784, A76 = 11.0 / 84;
    // Error coefficients: fifth-order weights minus the embedded fourth-order ones.
    private const double E1 = 71.0 / 57600, E3 = -71.0 / 16695, E4 = 71.0 / 1920, E5 = -17253.0 / 339200, E6 = 22.0 / 525, E7 = -1.0 / 40;
    // Dense-output coefficients (DOPRI5).
    private const double D1 = -12715105075.0 / 11282082432, D3 = 87487479700.0 / 32700410799, D4 = -10690763975.0 / 1880347072,
        D5 = 701980252875.0 / 199316789632, D6 = -1453857185.0 / 822651844, D7 = 69997945.0 / 29380423;

    private const int StiffStepsToReport = 15;

    private readonly int _n;
    private readonly double[] _y, _y1, _stage, _k1, _k2, _k3, _k4, _k5, _k6, _k7, _error;
    private readonly double[] _r1, _r2, _r3, _r4, _r5;   // dense-output polynomial of the last step
    private OdeRightHandSide? _f;
    private double _h, _rtol, _atol;
    private int _stiffSteps, _nonStiffSteps;

    public DormandPrince54(int dimension)
    {
        _n = dimension;
        _y = new double[dimension]; _y1 = new double[dimension]; _stage = new double[dimension];
        _k1 = new double[dimension]; _k2 = new double[dimension]; _k3 = new double[dimension]; _k4 = new double[dimension];
        _k5 = new double[dimension]; _k6 = new double[dimension]; _k7 = new double[dimension]; _error = new double[dimension];
        _r1 = new double[dimension]; _r2 = new double[dimension]; _r3 = new double[dimension]; _r4 = new double[dimension]; _r5 = new double[dimension];
    }

    public double T { get; private set; }
    public double PreviousT { get; private set; }
    public ReadOnlySpan<double> Y => _y;
    public int AcceptedSteps { get; private set; }
    public int RejectedSteps { get; private set; }

    /// <summary>Smallest step size allowed relative to |t|, below which the step has collapsed.</summary>
    public const double MinimumRelativeStep = 1e-13;

    public void Initialize(double t, ReadOnlySpan<double> y, OdeRightHandSide f, double relativeTolerance, double absoluteTolerance)
    {
        _f = f;
        _rtol = relativeTolerance;
        _atol = absoluteTolerance;
        T = PreviousT = t;
        y.CopyTo(_y);
        y.CopyTo(_r1);
        Array.Clear(_r2); Array.Clear(_r3); Array.Clear(_r4); Array.Clear(_r5);
        f(t, _y, _k1);
        _h = 0;
        _stiffSteps = _nonStiffSteps = 0;
        AcceptedSteps = RejectedSteps = 0;
    }

    public bool Step(double tMax)
    {
        var f = _f ?? throw new InvalidOperationException("Initialize first.");
        double span = tMax - T;
        if (span <= 0) return true;
        if (_h <= 0) _h = ErrorNorm.InitialStep(_y, _k1, _rtol, _atol, span);
        while (true)
        {
            double h = Math.Min(_h, span);
            bool lands = h >= span;
            if (h < MinimumRelativeStep * Math.Max(1, Math.Abs(T))) return false;
            double t = T;
            for (int i = 0; i < _n; i++) _stage[i] = _y[i] + h * A21 * _k1[i];
            f(t + C2 * h, _stage, _k2);
            for (int i = 0; i < _n; i++) _stage[i] = _y[i] + h * (A31 * _k1[i] + A32 * _k2[i]);
            f(t + C3 * h, _stage, _k3);
            for (int i = 0; i < _n; i++) _stage[i] = _y[i] + h * (A41 * _k1[i] + A42 * _k2[i] + A43 * _k3[i]);
            f(t + C4 * h, _stage, _k4);
            for (int i = 0; i < _n; i++) _stage[i] = _y[i] + h * (A51 * _k1[i] + A52 * _k2[i] + A53 * _k3[i] + A54 * _k4[i]);
            f(t + C5 * h, _stage, _k5);
            for (int i = 0; i < _n; i++) _stage[i] = _y[i] + h * (A61 * _k1[i] + A62 * _k2[i] + A63 * _k3[i] + A64 * _k4[i] + A65 * _k5[i]);
            double tNext = lands ? tMax : t + h;
            f(tNext, _stage, _k6);
            for (int i = 0; i < _n; i++) _y1[i] = _y[i] + h * (A71 * _k1[i] + A73 * _k3[i] + A74 * _k4[i] + A75 * _k5[i] + A76 * _k6[i]);
            f(tNext, _y1, _k7);
            for (int i = 0; i < _n; i++)
                _error[i] = h * (E1 * _k1[i] + E3 * _k3[i] + E4 * _k4[i] + E5 * _k5[i] + E6 * _k6[i] + E7 * _k7[i]);
            double err = ErrorNorm.Rms(_error, _y, _y1, _rtol, _atol);
            double factor = err == 0 ? 5 : Math.Clamp(0.9 * Math.Pow(err, -0.2), 0.2, 5);
            if (!(err <= 1))
            {
                RejectedSteps++;
                _h = h * Math.Min(factor, 1);
                continue;
            }

            if (IsStiff(h)) return false;
            StoreDenseOutput(h);
            PreviousT = t;
            T = tNext;
            Array.Copy(_y1, _y, _n);
            Array.Copy(_k7, _k1, _n);   // first same as last
            AcceptedSteps++;
            _h = h * factor;
            return true;
        }
    }

    /// <summary>DOPRI5's test: h times the Lipschitz estimate ‖k7 − k6‖/‖y1 − stage6‖ above 3.25 for many steps in a row.</summary>
    private bool IsStiff(double h)
    {
        double num = 0, den = 0;
        for (int i = 0; i < _n; i++)
        {
            double dk = _k7[i] - _k6[i], dy = _y1[i] - _stage[i];
            num += dk * dk;
            den += dy * dy;
        }
        if (den > 0 && h * h * num > 3.25 * 3.25 * den)
        {
            _nonStiffSteps = 0;
            return ++_stiffSteps >= StiffStepsToReport;
        }
        // Steps hovering at the stability boundary alternate; only six clear steps in a row reset the count.
        if (++_nonStiffSteps >= 6) _stiffSteps = 0;
        return false;
    }

    private void StoreDenseOutput(double h)
    {
        for (int i = 0; i < _n; i++)
        {
            double difference = _y1[i] - _y[i];
            double slopeGap = h * _k1[i] - difference;
            _r1[i] = _y[i];
            _r2[i] = difference;
            _r3[i] = slopeGap;
            _r4[i] = difference - h * _k7[i] - slopeGap;
            _r5[i] = h * (D1 * _k1[i] + D3 * _k3[i] + D4 * _k4[i] + D5 * _k5[i] + D6 * _k6[i] + D7 * _k7[i]);
        }
    }

    public void Interpolate(double t, Span<double> y)
    {
        if (t >= T || T == PreviousT)
        {
            _y.CopyTo(y);
            return;
        }
        double theta = (t - PreviousT) / (T - PreviousT), rest = 1 - theta;
        for (int i = 0; i < _n; i++)
            y[i] = _r1[i] + theta * (_r2[i] + rest * (_r3[i] + theta * (_r4[i] + rest * _r5[i])));
    }
}
