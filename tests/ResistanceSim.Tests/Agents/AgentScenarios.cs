using ResistanceSim.Engine.Agents;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;
using ResistanceSim.Scenarios;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Agents;

/// <summary>Small agent-engine scenarios written as YAML, so the tests go through the same binding as users.</summary>
internal static class AgentScenarios
{
    /// <summary>One parental clone on a lattice: no drug, no mutation; <paramref name="extra"/> lines are appended at top level.</summary>
    public static string Colony(string space, long cells, double birth, double death, double days, string initialExtra = "", string extra = "") => $"""
        name: agents-test
        description: agent engine test colony
        seed: 7
        engine: agents
        space: {space}
        mechanisms: []
        population:
          initial: [{"{"} genotype: parental, cells: {cells}{initialExtra} {"}"}]
          b0_per_day: {birth}
          d0_per_day: {death}
        sampling: {"{"} every_days: 1, clone_threshold_cells: 1 {"}"}
        stop: {"{"} days: {days} {"}"}
        {extra}
        """;

    /// <summary>Parental and EGFR-bypass cells under crizotinib, with mutation and the signal model at work.</summary>
    public static string Treated(string space, long parental, long resistant, string placement) => $"""
        name: agents-treated
        description: agent engine under drug
        seed: 11
        engine: agents
        space: {space}
        include: [{Path.Combine(Repository.Root, "scenarios", "presets", "alk-nsclc.yaml")}, {Path.Combine(Repository.Root, "scenarios", "presets", "drugs.yaml")}]
        mechanisms: [EGFR_activation, ALK_L1196M, autophagy]
        population:
          initial:
            - {"{"} genotype: parental, cells: {parental} {"}"}
            - {"{"} genotype: EGFR_activation, cells: {resistant}, placement: {placement} {"}"}
          b0_per_day: 0.6
          d0_per_day: 0.1
          drug_death_per_day: 0.9
        protocol:
          - {"{"} phase: continuous, days: 20, drugs: {"{"} crizotinib: {"{"} concentration_nM: 300 {"}"} {"}"} {"}"}
        sampling: {"{"} every_days: 1, clone_threshold_cells: 1 {"}"}
        stop: {"{"} days: 20 {"}"}
        """;

    /// <summary>Runs one work unit of <paramref name="scenario"/> on the agent engine to its end.</summary>
    public static (SimulationRun Run, AgentMethod Engine) RunOnce(Scenario scenario, int replicate = 0, IRunObserver? observer = null)
    {
        var run = new SimulationRun(scenario);
        var engine = new AgentMethod();
        Simulator.Run(run, engine, new WorkUnit(0, 0, replicate), observer);
        return (run, engine);
    }

    public static Scenario Load(string yaml)
    {
        using var temp = new TempDirectory();
        return ScenarioLoader.Load(temp.File("agents.yaml", yaml)).Scenario;
    }
}
