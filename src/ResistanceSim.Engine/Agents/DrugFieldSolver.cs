using ResistanceSim.Engine.Random;
using ResistanceSim.Model;

namespace ResistanceSim.Engine.Agents;

/// <summary>
/// The quasi-steady free-drug field on a lattice: the fraction f ∈ [0, 1] of the source level at every site, solving
/// the discrete D∇²f − k·occupied·f = 0 with lattice spacing 1, i.e. at every site that is not a source
/// Σ_faces (f_neighbour − f) − occupied/L² · f = 0 with L = √(D/k) in sites. Diffusion uses the face neighbours
/// (the 5- or 7-point Laplacian) whatever the cells' neighbourhood. Sources: a vessel site holds f = 1; a surface face
/// puts medium at f = 1 one site beyond the lattice; a face that is not a source lets nothing through (no flux), and a
/// periodic lattice wraps. Solved by red–black successive over-relaxation, warm-started from the previous field, until
/// the largest Gauss–Seidel correction of a sweep is below <see cref="Tolerance"/>.
/// </summary>
public sealed class DrugFieldSolver
{
    /// <summary>Largest correction of the last sweep, as a fraction of the source level: the solver's stopping rule.</summary>
    public const double Tolerance = 1e-7;

    private readonly int _x;
    private readonly int _y;
    private readonly int _z;
    private readonly bool _periodic;
    private readonly bool _flat;
    private readonly bool[] _sourceFace = new bool[6];
    private readonly double _uptake;
    private readonly int _side;
    private double _omega;
    private readonly int _maxSweeps;
    private readonly double[] _fraction;
    private readonly bool[] _vessel;
    private readonly bool[] _occupied;
    private readonly DrugField _field;

    public DrugFieldSolver(Lattice lattice)
    {
        ArgumentNullException.ThrowIfNull(lattice);
        _field = lattice.DrugField ?? throw new ArgumentException("The lattice has no drug field.", nameof(lattice));
        _x = lattice.Size[0];
        _y = lattice.Size[1];
        _z = lattice.Dims == 3 ? lattice.Size[2] : 1;
        _flat = lattice.Dims == 2;
        _periodic = lattice.Boundary == LatticeBoundary.Periodic;
        if (_field.Sources == DrugSources.Surface)
            foreach (var face in _field.Faces) _sourceFace[(int)face] = true;
        _uptake = 1 / (_field.DiffusionLengthSites * _field.DiffusionLengthSites);
        _side = Math.Max(_x, Math.Max(_y, _z));
        _maxSweeps = 1000 + 200 * _side;
        int sites = checked(_x * _y * _z);
        _fraction = new double[sites];
        _vessel = new bool[sites];
        _occupied = new bool[sites];
        Array.Fill(_fraction, 1.0);
    }

    /// <summary>Sites of the lattice.</summary>
    public int Sites => _fraction.Length;

    /// <summary>Smallest fraction on the lattice after the last solution.</summary>
    public double Minimum { get; private set; } = 1;

    /// <summary>Largest fraction on the lattice after the last solution.</summary>
    public double Maximum { get; private set; } = 1;

    /// <summary>Sweeps the last solution took.</summary>
    public int LastSweeps { get; private set; }

    /// <summary>Solutions since this solver was made (for tests and benchmarks).</summary>
    public long Solutions { get; private set; }

    /// <summary>The fraction of the source level at <paramref name="site"/> (numbered x + X·(y + Y·z)).</summary>
    public double FractionAt(int site) => _fraction[site];

    /// <summary>The fraction at (x, y, z); z = 0 in 2D.</summary>
    public double FractionAt(int x, int y, int z) => _fraction[x + _x * (y + _y * z)];

    /// <summary>Whether <paramref name="site"/> is a vessel (a source).</summary>
    public bool IsVessel(int site) => _vessel[site];

    /// <summary>
    /// Starts a new tissue: the field back to 1 everywhere and, for vessel sources, max(1, round(density × sites))
    /// vessels at distinct sites drawn uniformly from <paramref name="rng"/> (Floyd's algorithm: no list of sites).
    /// </summary>
    public void Reset(ref Xoshiro256StarStar rng)
    {
        Array.Fill(_fraction, 1.0);
        Array.Clear(_vessel);
        if (_field.Sources != DrugSources.Vessels) return;
        int sites = Sites;
        int vessels = (int)Math.Clamp(Math.Round(_field.VesselDensity * sites), 1, sites);
        for (int j = sites - vessels; j < sites; j++)
        {
            int t = (int)rng.NextUInt64((ulong)j + 1);
            _vessel[_vessel[t] ? j : t] = true;
        }
    }

    /// <summary>Solves the field for the cells in <paramref name="store"/> (uptake where a site is occupied).</summary>
    internal void Solve(AgentStore store)
    {
        for (int site = 0; site < _occupied.Length; site++) _occupied[site] = !store.IsEmpty(site);
        Solve();
    }

    /// <summary>Solves the field with uptake at the sites where <paramref name="occupied"/> is true.</summary>
    public void Solve(Func<int, bool> occupied)
    {
        ArgumentNullException.ThrowIfNull(occupied);
        for (int site = 0; site < _occupied.Length; site++) _occupied[site] = occupied(site);
        Solve();
    }

    private void Solve()
    {
        _omega = RelaxationFactor();
        int sweeps = 0;
        double largest;
        do
        {
            if (++sweeps > _maxSweeps)
                throw new InvalidOperationException($"The drug field did not converge in {_maxSweeps} sweeps.");
            largest = Math.Max(Sweep(0), Sweep(1));
        }
        while (largest >= Tolerance);
        LastSweeps = sweeps;
        Solutions++;
        double min = 1, max = 0;
        for (int site = 0; site < _fraction.Length; site++)
        {
            // Over-relaxation may leave values a rounding error outside [0, 1], where the exact solution lies.
            double f = Math.Clamp(_fraction[site], 0, 1);
            _fraction[site] = f;
            min = Math.Min(min, f);
            max = Math.Max(max, f);
        }
        (Minimum, Maximum) = (min, max);
    }

    /// <summary>
    /// Young's optimal factor 2/(1 + √(1 − ρ²)) for ρ, the Jacobi iteration's spectral radius, estimated as that of a
    /// uniform medium: 2d·cos(π/2n)/(2d + ū), n the longest side (closed faces double the distance drug travels) and ū
    /// the mean uptake over the sites. Uptake shrinks ρ and with it the best factor; a factor near 2 on a strongly
    /// absorbing field would converge no faster than (ω − 1) per sweep.
    /// </summary>
    private double RelaxationFactor()
    {
        int occupied = 0;
        foreach (bool o in _occupied)
            if (o) occupied++;
        int neighbours = _flat ? 4 : 6;
        double meanUptake = _uptake * occupied / _occupied.Length;
        double rho = neighbours * Math.Cos(Math.PI / (2.0 * _side)) / (neighbours + meanUptake);
        return 2 / (1 + Math.Sqrt(1 - rho * rho));
    }

    /// <summary>One over-relaxed Gauss–Seidel pass over the sites of one colour ((x + y + z) mod 2); returns the largest correction.</summary>
    private double Sweep(int colour)
    {
        double largest = 0;
        for (int z = 0; z < _z; z++)
            for (int y = 0; y < _y; y++)
            {
                int row = _x * (y + _y * z);
                for (int x = (colour + y + z) & 1; x < _x; x += 2)
                {
                    int site = row + x;
                    if (_vessel[site]) continue;
                    double sum = 0, weight = _occupied[site] ? _uptake : 0;
                    Neighbour(x, _x, site, 1, (int)LatticeFace.XMin, ref sum, ref weight);
                    Neighbour(y, _y, site, _x, (int)LatticeFace.YMin, ref sum, ref weight);
                    if (!_flat) Neighbour(z, _z, site, _x * _y, (int)LatticeFace.ZMin, ref sum, ref weight);
                    if (weight == 0) continue;   // an isolated site with nothing to exchange with keeps its value
                    double correction = sum / weight - _fraction[site];
                    _fraction[site] += _omega * correction;
                    largest = Math.Max(largest, Math.Abs(correction));
                }
            }
        return largest;
    }

    /// <summary>
    /// Adds the two neighbours of a site along one axis (coordinate <paramref name="c"/> of <paramref name="size"/>,
    /// site stride <paramref name="stride"/>) to the Laplacian's sum and weight: a site on the lattice, the wrapped
    /// site, the medium beyond a source face (f = 1), or nothing beyond a closed face.
    /// </summary>
    private void Neighbour(int c, int size, int site, int stride, int lowFace, ref double sum, ref double weight)
    {
        if (c > 0) { sum += _fraction[site - stride]; weight++; }
        else if (_periodic) { if (size > 1) { sum += _fraction[site + (size - 1) * stride]; weight++; } }
        else if (_sourceFace[lowFace]) { sum += 1; weight++; }

        if (c < size - 1) { sum += _fraction[site + stride]; weight++; }
        else if (_periodic) { if (size > 1) { sum += _fraction[site - (size - 1) * stride]; weight++; } }
        else if (_sourceFace[lowFace + 1]) { sum += 1; weight++; }
    }
}
