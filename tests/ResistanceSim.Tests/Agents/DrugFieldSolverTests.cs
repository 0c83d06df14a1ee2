using ResistanceSim.Engine.Agents;
using ResistanceSim.Engine.Random;
using ResistanceSim.Model;

namespace ResistanceSim.Tests.Agents;

/// <summary>The drug field's solver against closed forms: a slab fed from one face, and no uptake.</summary>
public class DrugFieldSolverTests
{
    private static Lattice Strip(int width, int height, double length, params LatticeFace[] faces) =>
        new([width, height], Neighbourhood.VonNeumann, LatticeBoundary.Fixed, InitialLayout.Dish, 0)
        {
            DrugField = new DrugField(DrugSources.Surface, length, 1) { Faces = faces },
        };

    /// <summary>
    /// Bound on the solver's error. It stops when every correction c of a sweep is below the tolerance τ. Right after a
    /// site's over-relaxed update its residual is (1 − ω)·w·c (w = neighbours + uptake, ω &lt; 2), and its neighbours'
    /// later updates add at most ω·τ each, so every residual is at most |1 − ω|·w·τ + 2·neighbours·τ ≤ 3·w·τ. The
    /// discrete operator's rows exceed their off-diagonal sums by the uptake u = 1/L² at every occupied site, so
    /// ‖error‖∞ ≤ ‖residual‖∞ / u.
    /// </summary>
    private static double SolverBound(double length, int neighbours) =>
        3 * (neighbours + 1 / (length * length)) * (length * length) * DrugFieldSolver.Tolerance;

    [Theory]
    [InlineData(40, 5.0)]
    [InlineData(30, 12.0)]
    public void ASlabFedFromOneFaceWithUptakeEverywhereDecaysAsTheCoshProfile(int width, double length)
    {
        // Sites j = 0..W−1 sit at x = j + 1 from the medium (one site beyond face x_min); the far face lets nothing
        // through, the mirror plane of the last site, so the slab's thickness is T = W + ½. Continuum:
        // c(x) = cosh((T − x)/L) / cosh(T/L). The lattice's exact solution has the same form with μ = acosh(1 + 1/(2L²))
        // in place of 1/L; as d ln c/dμ lies in [−T, 0], the two differ by at most T·|μ − 1/L| (c ≤ 1).
        var solver = new DrugFieldSolver(Strip(width, 3, length, LatticeFace.XMin));
        solver.Solve(_ => true);

        double thickness = width + 0.5;
        double mu = Math.Acosh(1 + 1 / (2 * length * length));
        double discretisation = thickness * Math.Abs(mu - 1 / length);
        double solverBound = SolverBound(length, 4);
        for (int y = 0; y < 3; y++)
            for (int j = 0; j < width; j++)
            {
                double x = j + 1;
                double lattice = Math.Cosh(mu * (thickness - x)) / Math.Cosh(mu * thickness);
                double continuum = Math.Cosh((thickness - x) / length) / Math.Cosh(thickness / length);
                double f = solver.FractionAt(j, y, 0);
                Assert.True(Math.Abs(f - lattice) <= solverBound, $"site {j}: {f} vs the lattice's exact {lattice} (bound {solverBound})");
                Assert.True(Math.Abs(f - continuum) <= discretisation + solverBound, $"site {j}: {f} vs the continuum's {continuum}");
            }
        Assert.True(solver.Minimum < 0.5 * solver.Maximum, "the slab must be deep enough for a real gradient");
    }

    [Fact]
    public void WithoutUptakeTheFieldReturnsToTheSourceLevelEverywhere()
    {
        // Warm-started from a field depleted by cells, with the cells gone: Laplace's equation with every source at 1
        // and the other faces closed has the solution 1.
        var solver = new DrugFieldSolver(Strip(25, 25, 2, LatticeFace.XMin, LatticeFace.YMax));
        solver.Solve(_ => true);
        Assert.True(solver.Minimum < 0.01, $"cells must first deplete the centre (minimum {solver.Minimum})");

        solver.Solve(_ => false);
        // Without uptake the operator has no diagonal margin, so the error is bounded through the sweeps instead; 1e-4
        // is 1,000 tolerances, far above what a converged SOR leaves on this 25 × 25 lattice.
        Assert.True(solver.Minimum >= 1 - 1e-4, $"minimum {solver.Minimum}");
        Assert.True(solver.Maximum <= 1, $"maximum {solver.Maximum}");
    }

    [Fact]
    public void VesselsAreDistinctSitesAtTheirDensityAndHoldTheSourceLevel()
    {
        var lattice = new Lattice([50, 40], Neighbourhood.Moore, LatticeBoundary.Periodic, InitialLayout.Dish, 0)
        {
            DrugField = new DrugField(DrugSources.Vessels, 3, 1) { VesselDensity = 0.01 },
        };
        var solver = new DrugFieldSolver(lattice);
        var rng = new Xoshiro256StarStar(5);
        solver.Reset(ref rng);
        solver.Solve(_ => true);

        var vessels = Enumerable.Range(0, solver.Sites).Where(solver.IsVessel).ToArray();
        Assert.Equal((int)Math.Round(0.01 * 50 * 40), vessels.Length);
        Assert.All(vessels, site => Assert.Equal(1, solver.FractionAt(site)));
        Assert.True(solver.Minimum < 0.5, $"away from vessels cells deplete the drug (minimum {solver.Minimum})");

        var again = new DrugFieldSolver(lattice);
        var sameSeed = new Xoshiro256StarStar(5);
        again.Reset(ref sameSeed);
        Assert.Equal(vessels, Enumerable.Range(0, again.Sites).Where(again.IsVessel).ToArray());
    }
}
