using ResistanceSim.Engine.Observation;
using ResistanceSim.Model;

namespace ResistanceSim.Output.Tables;

/// <summary><c>totals/</c>: one row per sample — total cells (and a mean-field engine's unrounded total), cells per mechanism, resistant fraction, drug levels.</summary>
public sealed class TotalsTable : IRunTable
{
    private readonly int _mechanisms;
    private readonly int _drugs;

    public TotalsTable(Scenario scenario)
    {
        _mechanisms = scenario.Catalog.All.Count;
        _drugs = scenario.DrugList.Count;
        Columns =
        [
            .. WorkUnitColumns.Specs,
            new("time_days", ColumnType.Double, false, "day", "sample time"),
            new("total_cells", ColumnType.Int64, false, "cells", "living cells"),
            new("expected_cells", ColumnType.Double, true, "cells", "unrounded mean-field total (ode engine); null for stochastic engines"),
            .. scenario.Catalog.All.Select(m => new ColumnSpec(MechanismColumn(m.Name), ColumnType.Int64, false, "cells", $"cells carrying {m.Name} ({m.Family})")),
            new("resistant_fraction", ColumnType.Double, false, "fraction", "share of cells carrying any mechanism"),
            .. scenario.DrugList.Select(d => new ColumnSpec(ConcentrationColumn(d.Name), ColumnType.Double, false, "nM", $"total {d.Name} concentration")),
        ];
    }

    public static string MechanismColumn(string mechanism) => "cells_" + mechanism;

    public static string ConcentrationColumn(string drug) => "conc_" + drug + "_nM";

    public string Name => "totals";

    public IReadOnlyList<ColumnSpec> Columns { get; }

    public void Fill(WorkUnitResult result, TableBatch batch)
    {
        batch.Reset(result.SampleDay.Count);
        WorkUnitColumns.Fill(result, batch);
        int c = WorkUnitColumns.Count;
        result.SampleDay.Span.CopyTo(batch.Double(c++));
        result.TotalCells.Span.CopyTo(batch.Int64(c++));
        FillExpected(result.ExpectedCells.Span, batch.Double(c), batch.Valid(c));
        c++;
        for (int m = 0; m < _mechanisms; m++) result.MechanismCells[m].Span.CopyTo(batch.Int64(c++));
        result.ResistantFraction.Span.CopyTo(batch.Double(c++));
        for (int d = 0; d < _drugs; d++) result.Concentrations[d].Span.CopyTo(batch.Double(c++));
    }

    /// <summary>NaN (a stochastic engine) is written as null.</summary>
    private static void FillExpected(ReadOnlySpan<double> expected, Span<double> values, Span<bool> valid)
    {
        expected.CopyTo(values);
        for (int r = 0; r < expected.Length; r++) valid[r] = !double.IsNaN(expected[r]);
    }
}
