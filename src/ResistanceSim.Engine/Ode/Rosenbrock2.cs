namespace ResistanceSim.Engine.Ode;

/// <summary>
/// ROS2, the L-stable two-stage second-order Rosenbrock method of Verwer, Spee, Blom &amp;
/// Hundsdorfer (1999, SIAM J Sci Comput 20:1456), γ = 1 + 1/√2, with its embedded first-order
/// solution for step-size control; the stiff fallback when <see cref="DormandPrince54"/> reports
/// stiffness (fast phenotype switching next to slow growth). The Jacobian is a forward-difference
/// approximation, refreshed every step, and the linear systems are solved by LU with partial
/// pivoting (dense: the ODE engine's systems have at most a few hundred states when stiff).
/// Dense output is the cubic Hermite interpolant through both ends and their slopes.
/// </summary>
public sealed class Rosenbrock2 : IOdeStepper
{
    private static readonly double Gamma = 1 + 1 / Math.Sqrt(2);

    private readonly int _n;
    private readonly double[] _y, _y1, _f0, _f1, _k1, _k2, _stage, _error, _perturbed, _fPerturbed, _yPrevious, _fStart, _ft;
    private readonly double[,] _matrix;
    private readonly int[] _pivot;
    private OdeRightHandSide? _f;
    private double _h, _rtol, _atol;

    public Rosenbrock2(int dimension)
    {
        _n = dimension;
        _y = new double[dimension]; _y1 = new double[dimension]; _f0 = new double[dimension]; _f1 = new double[dimension];
        _k1 = new double[dimension]; _k2 = new double[dimension]; _stage = new double[dimension]; _error = new double[dimension];
        _perturbed = new double[dimension]; _fPerturbed = new double[dimension]; _yPrevious = new double[dimension]; _fStart = new double[dimension]; _ft = new double[dimension];
        _matrix = new double[dimension, dimension];
        _pivot = new int[dimension];
    }

    public double T { get; private set; }
    public double PreviousT { get; private set; }
    public ReadOnlySpan<double> Y => _y;
    public int AcceptedSteps { get; private set; }
    public int RejectedSteps { get; private set; }

    public void Initialize(double t, ReadOnlySpan<double> y, OdeRightHandSide f, double relativeTolerance, double absoluteTolerance)
    {
        _f = f;
        _rtol = relativeTolerance;
        _atol = absoluteTolerance;
        T = PreviousT = t;
        y.CopyTo(_y);
        y.CopyTo(_yPrevious);
        f(t, _y, _f0);
        _f0.CopyTo(_f1, 0);
        _f0.CopyTo(_fStart, 0);
        _h = 0;
        AcceptedSteps = RejectedSteps = 0;
    }

    public bool Step(double tMax)
    {
        var f = _f ?? throw new InvalidOperationException("Initialize first.");
        double span = tMax - T;
        if (span <= 0) return true;
        if (_h <= 0) _h = ErrorNorm.InitialStep(_y, _f0, _rtol, _atol, span);
        FactorIterationMatrix(f, _h);
        while (true)
        {
            double h = Math.Min(_h, span);
            if (h != _h) FactorIterationMatrix(f, h);
            bool lands = h >= span;
            if (h < DormandPrince54.MinimumRelativeStep * Math.Max(1, Math.Abs(T))) return false;
            double tNext = lands ? tMax : T + h;

            // (I − γhJ) k1 = f(t, y) + γh f_t;  (I − γhJ) k2 = f(t + h, y + h k1) − 2 k1 − γh f_t;  y1 = y + h(3/2 k1 + 1/2 k2).
            // (The f_t terms are the method applied to the autonomous system with t as a state.)
            for (int i = 0; i < _n; i++) _k1[i] = _f0[i] + Gamma * h * _ft[i];
            Solve(_k1);
            for (int i = 0; i < _n; i++) _stage[i] = _y[i] + h * _k1[i];
            f(tNext, _stage, _k2);
            for (int i = 0; i < _n; i++) _k2[i] -= 2 * _k1[i] + Gamma * h * _ft[i];
            Solve(_k2);
            for (int i = 0; i < _n; i++)
            {
                _y1[i] = _y[i] + h * (1.5 * _k1[i] + 0.5 * _k2[i]);
                _error[i] = h * 0.5 * (_k1[i] + _k2[i]);   // y1 minus the embedded first-order y + h k1
            }
            double err = ErrorNorm.Rms(_error, _y, _y1, _rtol, _atol);
            double factor = err == 0 ? 5 : Math.Clamp(0.9 * Math.Pow(err, -0.5), 0.2, 5);
            if (!(err <= 1))
            {
                RejectedSteps++;
                _h = h * Math.Min(factor, 1);
                continue;
            }
            _y.CopyTo(_yPrevious, 0);
            _f0.CopyTo(_fStart, 0);   // slope at the step start, for the Hermite interpolant
            PreviousT = T;
            T = tNext;
            _y1.CopyTo(_y, 0);
            f(T, _y, _f1);
            _f1.CopyTo(_f0, 0);
            AcceptedSteps++;
            _h = h * factor;
            return true;
        }
    }

    public void Interpolate(double t, Span<double> y)
    {
        double h = T - PreviousT;
        if (t >= T || h <= 0)
        {
            _y.CopyTo(y);
            return;
        }
        double s = (t - PreviousT) / h, s2 = s * s, s3 = s2 * s;
        double h00 = 2 * s3 - 3 * s2 + 1, h10 = s3 - 2 * s2 + s, h01 = -2 * s3 + 3 * s2, h11 = s3 - s2;
        for (int i = 0; i < _n; i++)
            y[i] = h00 * _yPrevious[i] + h10 * h * _fStart[i] + h01 * _y[i] + h11 * h * _f1[i];
    }

    /// <summary>Builds I − γhJ with a forward-difference Jacobian at (T, y), and ∂f/∂t, and factors the matrix in place.</summary>
    private void FactorIterationMatrix(OdeRightHandSide f, double h)
    {
        double dt = 1.5e-8 * Math.Max(1, Math.Abs(T));
        f(T + dt, _y, _ft);
        for (int i = 0; i < _n; i++) _ft[i] = (_ft[i] - _f0[i]) / dt;
        _y.CopyTo(_perturbed, 0);
        for (int j = 0; j < _n; j++)
        {
            double delta = Math.Sqrt(double.Epsilon + 2.2e-16) * Math.Max(1e-5, Math.Abs(_y[j])) + 1e-10;
            _perturbed[j] = _y[j] + delta;
            f(T, _perturbed, _fPerturbed);
            _perturbed[j] = _y[j];
            for (int i = 0; i < _n; i++)
                _matrix[i, j] = (i == j ? 1 : 0) - Gamma * h * (_fPerturbed[i] - _f0[i]) / delta;
        }
        for (int k = 0; k < _n; k++)
        {
            int p = k;
            for (int i = k + 1; i < _n; i++)
                if (Math.Abs(_matrix[i, k]) > Math.Abs(_matrix[p, k])) p = i;
            _pivot[k] = p;
            if (p != k)
                for (int j = 0; j < _n; j++) (_matrix[k, j], _matrix[p, j]) = (_matrix[p, j], _matrix[k, j]);
            double diagonal = _matrix[k, k];
            if (diagonal == 0) continue;
            for (int i = k + 1; i < _n; i++)
            {
                double m = _matrix[i, k] /= diagonal;
                if (m == 0) continue;
                for (int j = k + 1; j < _n; j++) _matrix[i, j] -= m * _matrix[k, j];
            }
        }
    }

    private void Solve(double[] b)
    {
        for (int k = 0; k < _n; k++)
        {
            int p = _pivot[k];
            if (p != k) (b[k], b[p]) = (b[p], b[k]);
            for (int i = k + 1; i < _n; i++) b[i] -= _matrix[i, k] * b[k];
        }
        for (int k = _n - 1; k >= 0; k--)
        {
            for (int j = k + 1; j < _n; j++) b[k] -= _matrix[k, j] * b[j];
            b[k] /= _matrix[k, k];
        }
    }
}
