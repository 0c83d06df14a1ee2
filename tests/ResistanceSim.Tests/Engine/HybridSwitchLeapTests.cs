using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;
using ResistanceSim.Scenarios;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Engine;

/// <summary>
/// How phenotype switching bounds the hybrid engine's leaps: a large clone's own switching does not (σ is part of its
/// exact transition), the switching cells a large sibling takes at the end of a leap do (at most ε of it,
/// <see cref="SwitchFlowLimit"/>).
/// </summary>
public class HybridSwitchLeapTests
{
    private const double Epsilon = 0.03;   // the default tau_epsilon

    [Fact]
    public void TheFlowLimitIsTheCaoBoundOnTheCloneItChanges()
    {
        // ε·n = 300 cells: the mean bound (ε·n / inflow) is the smaller.
        Assert.Equal(300.0 / 600, SwitchFlowLimit.Of(10_000, 600, Epsilon), 12);
        // ε·n = 0.3 cells, below one: one cell is allowed, for both the mean and the variance.
        Assert.Equal(1.0 / 4, SwitchFlowLimit.Of(10, 4, Epsilon), 12);
        Assert.Equal(double.PositiveInfinity, SwitchFlowLimit.Of(10_000, 0, Epsilon));
    }

    [Fact]
    public void ALargeCloneThatRarelySwitchesLeapsAsIfItDidNot()
    {
        // 1e6 cells, r = 0.01 and b + d = 0.27 per day, switching at 1e-6 per day into a state that is small: the
        // leap is the total's ε/r = 3 days, not ε/(b + d + σ) = 0.11 days (270 leaps in 30 days).
        var (_, leaps) = Run(Yaml(switchedCells: 0, on: 1e-6, off: 0.05, days: 30), replicates: 5);
        Assert.InRange(leaps, 1, 2 * 30 * 0.01 / Epsilon + 2);
    }

    [Fact]
    public void ALargeReceiverOfSwitchingCellsBoundsTheLeapAndKeepsItsMean()
    {
        // 1e6 parental cells sending 0.05 per day into a state of 1e5 cells that leaves it at 1 per day: the state takes
        // 5e4 cells a day, so a leap may last at most ε·1e5 / 5e4 = 0.06 days; the total alone would allow 3.
        const double days = 2;
        var (runs, leaps) = Run(Yaml(switchedCells: 100_000, on: 0.05, off: 1.0, days: days), replicates: 20);
        Assert.True(leaps >= days / SwitchFlowLimit.Of(100_000, 0.05 * 1e6 * 0.9, Epsilon), $"{leaps} leaps per run");

        // The cells joining at a leap's end miss half a leap of leaving it again: the state holds at most ε/2 of itself
        // too many (1.4% here), on top of its noise (4.5 standard errors of the 20 runs' mean). Without the bound the
        // leap would span the 2 days and the 1e5 cells switched in would all still be there: about four times too many.
        var first = runs[0];
        double expected = ExpectedSwitched(first.Birth, first.Death, first.Switch, days);
        double[] switched = [.. runs.Select(r => (double)r.SwitchedAtEnd)];
        double mean = switched.Average();
        double noise = 4.5 * Math.Sqrt(switched.Sum(x => (x - mean) * (x - mean)) / (switched.Length - 1) / switched.Length);
        Assert.InRange(mean, expected - noise, expected * (1 + Epsilon / 2) + noise);
    }

    [Fact]
    public void SwitchingAloneMovesCellsWithoutMakingOrLosingAny()
    {
        // No death and next to no division (birth must be positive: 1e-12 per day, about 1e-6 divisions a run): the cells
        // a large clone loses to switching are the cells its sibling gains, every leap (the source's switches were once
        // drawn apart from its own loss, which let the total wander by hundreds of cells here).
        var (runs, leaps) = Run(Yaml(switchedCells: 100_000, on: 0.05, off: 1.0, days: 2, birth: 1e-12, death: 0), replicates: 5);
        Assert.True(leaps > 1, "the runs must leap");
        Assert.All(runs, r => Assert.Equal(1_100_000, r.TotalAtEnd));
    }

    private sealed record RunEnd(long SwitchedAtEnd, long TotalAtEnd, double[] Birth, double[] Death, double[] Switch);

    private static (RunEnd[] Runs, double LeapsPerRun) Run(string yaml, int replicates)
    {
        using var temp = new TempDirectory();
        var scenario = ScenarioLoader.Load(temp.File("switching.yaml", yaml)).Scenario;
        var run = new SimulationRun(scenario);
        var hybrid = new HybridMethod();
        var ends = new RunEnd[replicates];
        for (int r = 0; r < replicates; r++)
        {
            Simulator.Run(run, hybrid, new WorkUnit(0, 0, r), observer: null);
            ulong parental = run.GenotypeOf(scenario.Population.Initial[0]);
            long switched = 0;
            for (int i = 0; i < run.Clones.Count; i++)
                if (run.Clones.Genotype[i] != parental) switched += run.Clones.Cells[i];
            // Rates per phenotype (parental first), constant in these scenarios (no drug, no growth limit).
            int p = IndexOf(run, parental, equal: true), s = IndexOf(run, parental, equal: false);
            ends[r] = new RunEnd(switched, run.Clones.TotalCells,
                [run.Clones.Birth[p], run.Clones.Birth[s]], [run.Clones.Death[p], run.Clones.Death[s]], [run.Clones.Switch[p], run.Clones.Switch[s]]);
        }
        return (ends, (double)hybrid.Leaps / replicates);
    }

    private static int IndexOf(SimulationRun run, ulong parental, bool equal)
    {
        for (int i = 0; i < run.Clones.Count; i++)
            if ((run.Clones.Genotype[i] == parental) == equal) return i;
        throw new InvalidOperationException("both phenotypes must be alive at the end");
    }

    /// <summary>The switched state's mean at <paramref name="days"/>: e^{At}x₀ of the two-state linear system, from 1e6 and 1e5 cells.</summary>
    private static double ExpectedSwitched(double[] birth, double[] death, double[] switching, double days)
    {
        double a = birth[0] - death[0] - switching[0], b = switching[1], c = switching[0], d = birth[1] - death[1] - switching[1];
        double half = (a + d) / 2, q = Math.Sqrt((a - d) * (a - d) / 4 + b * c);
        double ch = Math.Cosh(q * days), sh = Math.Sinh(q * days) / q;
        // Second row of e^{At} = e^{half·t}[cosh(qt)·I + sinh(qt)/q·(A − half·I)], times (1e6, 1e5).
        return Math.Exp(half * days) * (c * sh * 1e6 + (ch + (d - half) * sh) * 1e5);
    }

    private static string Yaml(long switchedCells, double on, double off, double days, double birth = 0.14, double death = 0.13) => $$"""
        name: switching-leaps
        description: a large clone switching phenotype under the hybrid engine (illustrative rates)
        seed: 31
        engine: hybrid
        catalog:
          SLOW:
            kind: phenotype
            family: emt
            activities: {}
            on_per_day: {{on}}
            on_per_day_at_full_stress: {{on}}
            off_per_day: {{off}}
            off_per_day_without_stress: {{off}}
            fitness_cost: 0.1
        mechanisms: [SLOW]
        population:
          initial: [{ genotype: parental, cells: 1000000 }{{(switchedCells > 0 ? $", {{ genotype: SLOW, cells: {switchedCells} }}" : "")}}]
          b0_per_day: {{birth}}
          d0_per_day: {{death}}
        sampling: { every_days: {{days}} }
        stop: { days: {{days}} }
        """;
}
