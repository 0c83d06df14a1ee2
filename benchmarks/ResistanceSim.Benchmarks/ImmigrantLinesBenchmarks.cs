using BenchmarkDotNet.Attributes;
using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Engine.Random;

namespace ResistanceSim.Benchmarks;

/// <summary>
/// One hybrid leap's mutant daughters joining a large clone of their genotype (issue #19, "Trial speed"): a tumour of
/// 1e10 cells seeding the brain at 1e-3 per division sends about 40,000 daughters into the brain's pool in a quarter-day
/// leap (birth 0.14, death 0.13 per day), of which about 1,300 divide or die before the leap ends. Those changed lines
/// drawn one by one against their sum drawn from its mean and variance (what the engine does from
/// <see cref="ImmigrantLines.MomentsFrom"/> changed lines). Results: benchmarks/RESULTS.md.
/// Run: <c>dotnet run -c Release --project benchmarks/ResistanceSim.Benchmarks -- --filter '*ImmigrantLinesBenchmarks*'</c>
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ImmigrantLinesBenchmarks
{
    private const long Daughters = 40_000;
    private const double Growth = 0.01, Tau = 0.25, Birth = 0.14, Death = 0.13;

    private Xoshiro256StarStar _rng;

    [GlobalSetup]
    public void Setup() => _rng = RandomStreams.ForWorkUnit(42, 0, 0, 0);

    [Benchmark(Baseline = true)]
    public long ChangedLinesOneByOne() =>
        ImmigrantLines.CellsAtEnd(ref _rng, Daughters, Growth, Tau, Birth, Death, long.MaxValue, CancellationToken.None);

    [Benchmark]
    public long ChangedLinesByTheirMoments() =>
        ImmigrantLines.CellsAtEnd(ref _rng, Daughters, Growth, Tau, Birth, Death, CancellationToken.None);
}
