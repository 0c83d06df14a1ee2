using System.Globalization;
using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Model;

namespace ResistanceSim.Runs.Reporting;

/// <summary>The parameters that matter for reading a run, as label/value pairs for the report.</summary>
internal static class ScenarioParameters
{
    public static IEnumerable<KeyValuePair<string, string>> Describe(Scenario s)
    {
        string F(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
        var p = s.Population;
        yield return new("engine", Algorithms.NameOf(s.Engine.Engine));
        yield return new("seed / replicates", $"{s.Seed} / {s.Replicates}");
        yield return new("initial cells", string.Join(", ", p.Initial.Select(c =>
            $"{(c.Mechanisms.Count == 0 ? "parental" : string.Join('+', c.Mechanisms))}: {RunReport.Number(c.Cells)}")));
        yield return new("b0, d0, δ (per day)", $"{F(p.BirthPerDay)}, {F(p.DeathPerDay)}, {F(p.DrugDeathPerDay)}");
        yield return new("growth limit", p.GrowthLimit.Kind == GrowthLimitKind.None ? "none" : $"{p.GrowthLimit.Kind.ToString().ToLowerInvariant()}, capacity {RunReport.Number(p.GrowthLimit.CapacityCells)} cells");
        yield return new("mechanisms", s.Catalog.All.Count == 0 ? "none" : string.Join(", ", s.Catalog.All.Select(Mechanism)));
        foreach (var drug in s.DrugList)
            yield return new($"drug {drug.Name}", string.Join("; ", drug.Targets.Select(t => $"{Pathways.YamlName(t.Pathway)} IC50 {F(t.Ic50NanoMolar)} nM")));
        yield return new("protocol", s.Protocol.Phases.Count == 0 ? "no drug" : $"{s.Protocol.Phases.Count} phase(s), {F(s.Protocol.TotalDays)} days");
        yield return new("stop", $"{F(s.Stop.Days)} days");

        string Mechanism(Model.Mechanism m) => m is HeritableMechanism h ? $"{m.Name} ({Acquisition(h)}, cost {F(m.FitnessCost)})" : $"{m.Name} (reversible)";
        string Acquisition(HeritableMechanism h) => h.RatePerDay > 0
            ? h.ProbabilityPerDivision > 0 ? $"u = {F(h.ProbabilityPerDivision)}, ν = {F(h.RatePerDay)}/day" : $"ν = {F(h.RatePerDay)}/day"
            : $"u = {F(h.ProbabilityPerDivision)}";
    }
}
