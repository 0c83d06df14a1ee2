namespace ResistanceSim.Engine.Algorithms;

/// <summary>
/// The hybrid leap's bound on phenotype switching between large clones, the Cao, Gillespie &amp; Petzold (2006) form
/// applied to each flow against the clone it changes: its expected number within the leap at most ε·n and its Poisson
/// variance at most (ε·n)², with max(ε·n, 1) as their rule has it. A large source's transition leaves its switching
/// out and the switched cells are taken off at the end, so its cell-days (and the mutants and switches drawn from them)
/// count cells that had left; a large receiver takes its switched cells at the end, so they miss their own divisions,
/// deaths, switches and mutations within the leap. Either way the cell-days misplaced are about flow·τ²/2 against the
/// clone's n·τ: at most ε/2 of its own.
/// </summary>
public static class SwitchFlowLimit
{
    /// <summary>Longest leap for <paramref name="flow"/> cells per day switching out of or into a clone of <paramref name="cells"/>.</summary>
    public static double Of(double cells, double flow, double epsilon)
    {
        if (!(flow > 0)) return double.PositiveInfinity;
        double allowed = Math.Max(epsilon * cells, 1);
        return Math.Min(allowed, allowed * allowed) / flow;
    }
}
