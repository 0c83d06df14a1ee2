namespace ResistanceSim.Analysis.Calibration;

/// <summary>
/// The ABC-SMC move: a multivariate normal step whose covariance is a multiple of the weighted covariance of the
/// previous population in kernel space — twice it for importance sampling (Beaumont, Cornuet, Marin &amp; Robert 2009,
/// Biometrika 96:983: the choice that minimises the Kullback–Leibler loss for a Gaussian-like posterior; Filippi et al.
/// 2013, Stat Appl Genet Mol Biol 12:87), less for a Metropolis–Hastings move.
/// </summary>
public sealed class PerturbationKernel
{
    private readonly double[,] _cholesky;   // lower triangular L with L·Lᵀ = Σ
    private readonly int _dimension;

    /// <param name="points">Previous population in kernel space.</param>
    /// <param name="weights">Their normalised weights.</param>
    /// <param name="floors">Smallest standard deviation per dimension, so a collapsed parameter can still move.</param>
    /// <param name="scale">The step's covariance over the population's.</param>
    public PerturbationKernel(IReadOnlyList<double[]> points, IReadOnlyList<double> weights, IReadOnlyList<double> floors, double scale)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(floors);
        if (points.Count == 0) throw new ArgumentException("A kernel needs at least one particle.", nameof(points));
        _dimension = points[0].Length;
        var covariance = WeightedCovariance(points, weights);
        for (int i = 0; i < _dimension; i++)
            for (int j = 0; j < _dimension; j++)
                covariance[i, j] *= scale;
        for (int i = 0; i < _dimension; i++)
            covariance[i, i] = Math.Max(covariance[i, i], floors[i] * floors[i]);
        _cholesky = Cholesky(covariance);
    }

    public int Dimension => _dimension;

    /// <summary><paramref name="center"/> + L·n for standard normals <paramref name="normals"/>.</summary>
    public double[] Step(double[] center, ReadOnlySpan<double> normals)
    {
        ArgumentNullException.ThrowIfNull(center);
        var result = (double[])center.Clone();
        for (int i = 0; i < _dimension; i++)
            for (int j = 0; j <= i; j++)
                result[i] += _cholesky[i, j] * normals[j];
        return result;
    }

    /// <summary>Log density of <paramref name="x"/> given <paramref name="center"/>, up to a constant common to every centre.</summary>
    public double LogDensity(double[] x, double[] center)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(center);
        // Solve L·y = x − centre by forward substitution; the density is exp(−|y|²/2).
        Span<double> y = stackalloc double[_dimension];
        double squares = 0;
        for (int i = 0; i < _dimension; i++)
        {
            double s = x[i] - center[i];
            for (int j = 0; j < i; j++) s -= _cholesky[i, j] * y[j];
            y[i] = s / _cholesky[i, i];
            squares += y[i] * y[i];
        }
        return -0.5 * squares;
    }

    private double[,] WeightedCovariance(IReadOnlyList<double[]> points, IReadOnlyList<double> weights)
    {
        double total = weights.Sum();
        var mean = new double[_dimension];
        for (int p = 0; p < points.Count; p++)
            for (int i = 0; i < _dimension; i++) mean[i] += weights[p] / total * points[p][i];
        var covariance = new double[_dimension, _dimension];
        for (int p = 0; p < points.Count; p++)
            for (int i = 0; i < _dimension; i++)
                for (int j = 0; j < _dimension; j++)
                    covariance[i, j] += weights[p] / total * (points[p][i] - mean[i]) * (points[p][j] - mean[j]);
        return covariance;
    }

    /// <summary>Cholesky factor of a covariance; a direction with no variance left (≤ 1e-12 of its diagonal) is kept at its floor.</summary>
    private static double[,] Cholesky(double[,] a)
    {
        int n = a.GetLength(0);
        var l = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double sum = a[i, j];
                for (int k = 0; k < j; k++) sum -= l[i, k] * l[j, k];
                if (i == j) l[i, i] = Math.Sqrt(Math.Max(sum, 1e-12 * a[i, i]));
                else l[i, j] = sum / l[j, j];
            }
        }
        return l;
    }
}
