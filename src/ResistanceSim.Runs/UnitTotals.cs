namespace ResistanceSim.Runs;

/// <summary>
/// The course of one finished work unit's total population (its <c>totals</c> rows: sample days and total cells), sent
/// with each <see cref="RunStage.Running"/> report so a caller can draw what is done before the run is published.
/// </summary>
public sealed record UnitTotals(int Arm, int Point, int Replicate, IReadOnlyList<double> Days, IReadOnlyList<double> TotalCells)
{
    /// <summary>Each drug's concentration at the same samples, by drug name; the unit's own course (an adaptive arm's
    /// pauses follow its tumour), so units of one run may differ.</summary>
    public IReadOnlyList<DrugLevels> DrugLevels { get; init; } = [];
}
