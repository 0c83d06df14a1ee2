using ResistanceSim.Engine.Agents;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;
using Xunit.Abstractions;

namespace ResistanceSim.Verification;

/// <summary>
/// Lattice growth from one cell that divides only into empty neighbouring sites (b = 1, no death, Moore
/// neighbourhood): only the rim divides, so after a transient the colony's radius grows linearly, R(t) ≈ v·(t − t0),
/// and a compact colony holds N ∝ R^d cells, hence N(t) ∝ (t − t0)^d (Eden 1961; the growth law of on-lattice tumour
/// models). Fitted on the late half of the run: the radius of gyration against t (a line), then ln N against
/// ln(t − t0) with t0 where that line meets zero; the slope is the growth exponent, required within ±0.1 of d
/// (a wrong dimension law — surface growth t^(d−1), or exponential growth — misses by ≥ 1). The front still speeds
/// up slowly at these radii (the two halves' velocities differ by about 5%, printed), as Eden fronts do while their
/// roughness develops, so linearity is required as R² &gt; 0.999 of the line rather than as equal halves.
/// </summary>
[Trait("Category", "Verification")]
public class LatticeGrowthTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(2, 301, 60.0)]
    [InlineData(3, 81, 24.0)]
    public void RadiusGrowsLinearlyAndCellsAsTimeToTheDimension(int dims, int side, double days)
    {
        var baseScenario = ReferenceScenarios.LinearBirthDeath(1.0, 0.0, 1, days, engine: EngineKind.Agents, seed: 1961);
        var scenario = baseScenario with
        {
            Sampling = new Sampling(1.0, long.MaxValue),
            Space = new Lattice([.. Enumerable.Repeat(side, dims)], Neighbourhood.Moore, LatticeBoundary.Fixed, InitialLayout.Ball, 0),
        };
        var engine = new AgentMethod();
        var recorder = new GrowthRecorder(engine);
        Simulator.Run(new SimulationRun(scenario), engine, new WorkUnit(0, 0, 0), recorder);

        var late = recorder.Points.Where(p => p.Day >= days / 2).ToArray();
        var (v, c, r2) = Line([.. late.Select(p => p.Day)], [.. late.Select(p => p.Radius)]);
        double t0 = -c / v;
        var (exponent, _, logR2) = Line([.. late.Select(p => Math.Log(p.Day - t0))], [.. late.Select(p => Math.Log(p.Cells))]);
        var (v1, _, _) = Line([.. late.Take(late.Length / 2).Select(p => p.Day)], [.. late.Take(late.Length / 2).Select(p => p.Radius)]);
        var (v2, _, _) = Line([.. late.Skip(late.Length / 2).Select(p => p.Day)], [.. late.Skip(late.Length / 2).Select(p => p.Radius)]);
        output.WriteLine(FormattableString.Invariant(
            $"d = {dims}: N = {late[^1].Cells}, R_g = {late[^1].Radius:F1}, v = {v:F3} (halves {v1:F3}, {v2:F3}), R² = {r2:F5}, t0 = {t0:F2}, exponent = {exponent:F3} (R² {logR2:F5})"));

        Assert.True(late[^1].Radius < side / 2.0 - 2, "the colony must not reach the lattice's edge");
        Assert.True(r2 > 0.999, $"radius not linear in time: R² = {r2}");
        Assert.InRange(exponent, dims - 0.1, dims + 0.1);
    }

    private static (double Slope, double Intercept, double RSquared) Line(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        double slope = sxy / sxx;
        return (slope, my - slope * mx, sxy * sxy / (sxx * syy));
    }

    private readonly record struct GrowthPoint(double Day, long Cells, double Radius);

    private sealed class GrowthRecorder(AgentMethod engine) : IRunObserver
    {
        private readonly SpatialSummarizer _summarizer = new();

        public List<GrowthPoint> Points { get; } = [];

        public void RunStarted(SimulationRun run)
        {
        }

        public void Sampled(SimulationRun run)
        {
            if (run.Day <= 0) return;   // day 0 is sampled before the engine lays the cell out
            Points.Add(new GrowthPoint(run.Day, run.Clones.TotalCells, _summarizer.Summarize(engine, run)!.Value.RadiusOfGyration));
        }

        public void RunEnded(SimulationRun run)
        {
        }
    }
}
