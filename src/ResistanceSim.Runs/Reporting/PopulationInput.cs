using System.Globalization;
using ResistanceSim.Model;
using ResistanceSim.Output.Reading;
using ResistanceSim.Output.Tables;
using ResistanceSim.Plotting.Charts;

namespace ResistanceSim.Runs.Reporting;

/// <summary>The population chart's input from the <c>totals</c> table of one replicate and the scenario's protocol.</summary>
internal static class PopulationInput
{
    public static PopulationChartInput From(Scenario scenario, TableData totals, int replicate)
    {
        var rows = Enumerable.Range(0, totals.RowCount)
            .Where(r => totals.Long("arm", r) == 0 && totals.Long("point", r) == 0 && totals.Long("replicate", r) == replicate)
            .ToArray();
        double[] times = [.. rows.Select(r => totals.Double("time_days", r))];
        TimeSeries Series(string name, string column) => new(name, times, [.. rows.Select(r => totals.Double(column, r))]);

        var mechanisms = scenario.Catalog.All
            .Select(m => Series(m.Name, TotalsTable.MechanismColumn(m.Name)))
            .Where(s => s.Values.Any(v => v > 0))
            .ToArray();
        var concentrations = scenario.DrugList
            .Select(d => Series(d.Name, TotalsTable.ConcentrationColumn(d.Name)))
            .ToArray();
        return new PopulationChartInput($"{scenario.Name}: population (replicate {replicate})", Series("total", "total_cells"),
            mechanisms, concentrations, Phases(scenario.Protocol, times.Length > 0 ? times[^1] : 0));
    }

    /// <summary>Protocol phases as shaded bands, clipped to the simulated time.</summary>
    private static List<PhaseBand> Phases(Protocol protocol, double endDay)
    {
        var bands = new List<PhaseBand>();
        double start = 0;
        foreach (var phase in protocol.Phases)
        {
            double end = start + phase.DurationDays;
            if (start < endDay) bands.Add(new PhaseBand(start, Math.Min(end, endDay), Label(phase)));
            start = end;
        }
        return bands;
    }

    private static string Label(ProtocolPhase phase) => phase switch
    {
        ContinuousPhase { Drugs.Count: 0 } => "no drug",
        ContinuousPhase c => string.Join(" + ", c.Drugs.Select(d => d is FixedConcentration f
            ? string.Create(CultureInfo.InvariantCulture, $"{f.Drug} {f.NanoMolar:0.##} nM") : d.Drug)),
        _ => phase.GetType().Name.Replace("Phase", "", StringComparison.Ordinal).ToLowerInvariant(),
    };
}
