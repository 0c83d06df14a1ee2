namespace ResistanceSim.Engine.Algorithms;

/// <summary>
/// The hybrid leap's bound on the cells that phenotype switching moves from large clones into a large clone within one
/// leap. Those cells join the receiver at the leap's end as one batch that has divided and died since each arrived
/// (<see cref="SwitchedBatch"/>), but their own switches and mutations within the leap are not drawn — about
/// inflow·τ²/2 cell-days against the receiver's n·τ — and their spread is approximate. The Cao, Gillespie &amp; Petzold (2006) form applied to the
/// inflow — its expected number within the leap at most ε·n and its Poisson variance at most (ε·n)², with max(ε·n, 1)
/// as their rule has it — keeps the cell-days missed below ε/2 of the receiver's own and the batch a small part of it.
/// </summary>
public static class SwitchInflowLimit
{
    /// <summary>Longest leap for <paramref name="inflow"/> cells per day switching into a clone of <paramref name="receiverCells"/>.</summary>
    public static double Of(double receiverCells, double inflow, double epsilon)
    {
        if (!(inflow > 0)) return double.PositiveInfinity;
        double allowed = Math.Max(epsilon * receiverCells, 1);
        return Math.Min(allowed, allowed * allowed) / inflow;
    }
}
