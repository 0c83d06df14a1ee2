using ResistanceSim.Model;

namespace ResistanceSim.Output.Tables;

/// <summary>The swept parameters' values as columns (numbers as double, anything else as text), shared by <c>points/</c> and <c>summary/</c>.</summary>
internal static class SweepColumns
{
    public static IEnumerable<ColumnSpec> Specs(Sweep sweep) => sweep.Parameters.Select(p =>
        new ColumnSpec(p.Column, p.IsNumeric ? ColumnType.Double : ColumnType.String, false, "", $"swept parameter {p.Path}"));

    /// <summary>Writes point <paramref name="point"/>'s values into every row, starting at column <paramref name="firstColumn"/>.</summary>
    public static void Fill(Sweep sweep, int point, TableBatch batch, int firstColumn)
    {
        var values = sweep.Points[point];
        for (int p = 0; p < sweep.Parameters.Count; p++)
        {
            if (sweep.Parameters[p].IsNumeric) batch.Double(firstColumn + p).Fill(values.Numbers[p]);
            else batch.String(firstColumn + p).Fill(values.Values[p]);
        }
    }
}
