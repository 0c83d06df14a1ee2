using ResistanceSim.Model;

namespace ResistanceSim.Tests.Support;

/// <summary>Small treatment scenarios built in code for engine tests (illustrative parameters).</summary>
public static class TestScenarios
{
    public static readonly Drug Crizotinib = new("crizotinib", [new DrugTarget(Pathway.Alk, 24, 1), new DrugTarget(Pathway.Met, 8, 1)],
        1.0, true, null, InVitroPk.Stable);

    public static readonly Drug Erlotinib = new("erlotinib", [new DrugTarget(Pathway.Egfr, 20, 1)], 1.0, true, null, InVitroPk.Stable);

    public static readonly PathwayActivation EgfrBypass = new("EGFR_activation", 0.05, 0, Pathway.Egfr, 0.8);

    /// <summary>
    /// 1e4 parental cells and 20 EGFR-bypass cells under 300 nM crizotinib (plus erlotinib if asked) for
    /// <paramref name="days"/> days, logistic capacity 2e5 (small enough for the exact engine).
    /// </summary>
    public static Scenario BypassUnderTreatment(bool addErlotinib, EngineKind engine, double days = 40)
    {
        var catalog = new MechanismCatalog([EgfrBypass], 2);
        var drugs = new Dictionary<string, Drug> { ["crizotinib"] = Crizotinib };
        var exposures = new List<DrugExposure> { new FixedConcentration("crizotinib", 300) };
        if (addErlotinib)
        {
            drugs["erlotinib"] = Erlotinib;
            exposures.Add(new FixedConcentration("erlotinib", 500));
        }
        var population = new PopulationSpec(
            [new InitialClone([], 10_000), new InitialClone(["EGFR_activation"], 20)],
            0.6, 0.1, 0.9, SignalResponse.Default, new GrowthLimit(GrowthLimitKind.Logistic, 2e5), LineageMode.PerEvent);
        return new Scenario("bypass", "test", 11, 1, EngineSettings.Default(engine), population, catalog, drugs,
            new Protocol([new ContinuousPhase(days, exposures)]), new Sampling(1, 100),
            new StopRule(days, double.PositiveInfinity, false, StopRule.DefaultProgressionFold));
    }
}
