namespace ResistanceSim.Model;

/// <summary>
/// Small scenarios built in code, with known answers (the verification suite's closed forms: Kendall 1948,
/// Luria–Delbrück, Bozic et al. 2013) or a fixed shape for benchmarks. Tests, benchmarks and <c>resistancesim bench</c>
/// share them.
/// </summary>
public static class ReferenceScenarios
{
    /// <summary>Linear birth–death: λ births and μ deaths per cell per day, no drug, no mutation.</summary>
    public static Scenario LinearBirthDeath(double lambda, double mu, long initialCells, double days, int replicates = 1,
        EngineKind engine = EngineKind.Exact, ulong seed = 1) =>
        Build("linear-birth-death", [new InitialClone([], initialCells)], lambda, mu, MechanismCatalog.Empty,
            days, days, replicates, engine, seed);

    /// <summary>
    /// Luria–Delbrück fluctuation test: a culture grows from <paramref name="initialCells"/> sensitive cells with
    /// pure birth rate λ; daughters become resistant with probability u; no death. Mutants have the same rate.
    /// </summary>
    public static Scenario LuriaDelbruck(double lambda, double mutationProbability, long initialCells, double days,
        EngineKind engine = EngineKind.Exact, ulong seed = 1)
    {
        var resistance = new FitnessMutation("resistance", 0, mutationProbability);
        return Build("luria-delbruck", [new InitialClone([], initialCells)], lambda, 0, new MechanismCatalog([resistance], 0),
            days, days, 1, engine, seed, lineage: LineageMode.PerGenotype);
    }

    /// <summary>
    /// Pre-existing resistance (Bozic et al. 2013): sensitive cells with birth b and death d grow from one cell until the
    /// population reaches <paramref name="detectionCells"/>; each division yields a resistant daughter with probability u.
    /// </summary>
    public static Scenario PreExistingResistance(double birth, double death, double mutationProbability, double detectionCells,
        EngineKind engine = EngineKind.Exact, ulong seed = 1)
    {
        var resistance = new FitnessMutation("resistance", 0, mutationProbability);
        var scenario = Build("pre-existing-resistance", [new InitialClone([], 1)], birth, death, new MechanismCatalog([resistance], 0),
            days: 1e6, sampleEvery: 1e6, replicates: 1, engine, seed, lineage: LineageMode.PerGenotype);
        return scenario with { Stop = scenario.Stop with { MaxCells = detectionCells } };
    }

    /// <summary>
    /// <paramref name="clones"/> independent clones of <paramref name="cellsPerClone"/> cells each, birth 1 per day and
    /// death <paramref name="death"/> (1 = critical: sizes wander but stay put on average): the benchmark shape of
    /// issue #2. A growing system (death &lt; 1) gives the tau engine's step rule leaps to take.
    /// </summary>
    public static Scenario ManyClones(int clones, long cellsPerClone, double days, EngineKind engine, ulong seed = 1, double death = 1.0) =>
        Build("many-clones", [.. Enumerable.Range(0, clones).Select(_ => new InitialClone([], cellsPerClone))],
            1.0, death, MechanismCatalog.Empty, days, days, 1, engine, seed);

    private static Scenario Build(string name, IReadOnlyList<InitialClone> initial, double birth, double death, MechanismCatalog catalog,
        double days, double sampleEvery, int replicates, EngineKind engine, ulong seed, LineageMode lineage = LineageMode.PerEvent)
    {
        var population = new PopulationSpec(initial, birth, death, 0, SignalResponse.Default, GrowthLimit.None, lineage);
        return new Scenario(name, "reference scenario built in code", seed, replicates, EngineSettings.Default(engine), population,
            catalog, new Dictionary<string, Drug>(), Protocol.None, new Sampling(sampleEvery, long.MaxValue),
            new StopRule(days, double.PositiveInfinity, false, StopRule.DefaultProgressionFold));
    }
}
