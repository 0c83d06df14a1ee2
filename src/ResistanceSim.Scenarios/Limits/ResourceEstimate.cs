using ResistanceSim.Model;

namespace ResistanceSim.Scenarios.Limits;

/// <summary>
/// What a run will need, from its scenario alone, before anything runs: samples per work unit, recorded clones,
/// the size of the spool and of the tables, and the memory of the workers. Every figure is a lower bound (the
/// clones a run records are counted as one per mechanism plus the parental clone; a run that diversifies writes
/// more), so a run refused for exceeding a limit would certainly have exceeded it.
/// </summary>
/// <param name="WorkUnits">Arms × points × replicates this run executes.</param>
/// <param name="SamplesPerUnit">Rows of totals per work unit: stop.days / sampling.every_days + 1.</param>
/// <param name="ClonesPerSample">Assumed recorded clones per sample (mechanisms + 1).</param>
/// <param name="OutputBytes">Uncompressed tables; the spool holds the same rows until the shard is published.</param>
/// <param name="MemoryBytes">Peak memory: each worker's unit being simulated (with its lattice, for the agent engine), the summary rows kept for the report, the runtime.</param>
public sealed record ResourceEstimate(long WorkUnits, double SamplesPerUnit, int ClonesPerSample, double OutputBytes, double MemoryBytes)
{
    /// <summary>The agent engine's lattice, one per worker (<see cref="Lattice.MemoryBytes"/>: every site full), or null.</summary>
    public Lattice? Lattice { get; init; }

    // Row widths as the spool encodes them (docs/output-schema.md lists the columns): arm, point, replicate.
    private const double WorkUnitKeyBytes = 12;
    private const double TrajectoryRowBytes = WorkUnitKeyBytes + 8 + 8 + 8;    // time, clone id, cells
    private const double CloneRowBytes = WorkUnitKeyBytes + 64;               // id, parent, birth day, genotype text
    private const double SummaryRowBytes = WorkUnitKeyBytes + 128;            // outcome, days, sizes, mechanism text
    // Column buffers grow by doubling, so a unit's rows may occupy up to twice their size while it runs.
    private const double BufferGrowth = 2;
    // The .NET runtime, the loaded scenario and the table writers, measured at about 150 MB on the quickstart.
    private const double BaseMemoryBytes = 256.0 * 1024 * 1024;

    /// <summary>The estimate for <paramref name="workUnits"/> units of <paramref name="scenario"/> on <paramref name="threads"/> workers.</summary>
    public static ResourceEstimate Of(Scenario scenario, long workUnits, int threads)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        double samples = Math.Floor(scenario.Stop.Days / scenario.Sampling.EveryDays) + 1;
        int clones = scenario.Catalog.All.Count + 1;
        double totalsRowBytes = WorkUnitKeyBytes + 8 + 8 + 9 + 8 * scenario.Catalog.All.Count + 8 + 8 * scenario.Drugs.Count;
        double unitBytes = samples * (totalsRowBytes + clones * TrajectoryRowBytes) + clones * CloneRowBytes + SummaryRowBytes;
        double output = workUnits * unitBytes;
        double workers = Math.Min(threads, Math.Max(workUnits, 1));
        var lattice = scenario.Engine.Engine == EngineKind.Agents ? scenario.Space : null;
        double memory = BaseMemoryBytes + workers * (BufferGrowth * unitBytes + (lattice?.MemoryBytes ?? 0)) + workUnits * SummaryRowBytes;
        return new ResourceEstimate(workUnits, samples, clones, output, memory) { Lattice = lattice };
    }

    /// <summary>The factors: "5 work units × 61 samples × ≥ 4 clones".</summary>
    public string Factors() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{WorkUnits:N0} work units × {SamplesPerUnit:N0} samples × ≥ {ClonesPerSample} clones")
        + (Lattice is { } lattice ? string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"; a lattice of {lattice.Sites:N0} sites per worker, {ByteSize.Format(lattice.MemoryBytes)} each at {lattice.BytesPerFullSite} bytes per site") : "");

    /// <summary>The sizes: "≥ 68 KiB of tables (and as much spool), ≥ 256 MiB of memory".</summary>
    public string Sizes() => $"≥ {ByteSize.Format(OutputBytes)} of tables (and as much spool), ≥ {ByteSize.Format(MemoryBytes)} of memory";
}
