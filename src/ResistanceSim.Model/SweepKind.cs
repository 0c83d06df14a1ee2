namespace ResistanceSim.Model;

/// <summary>How a sweep's points were chosen.</summary>
public enum SweepKind
{
    /// <summary>No sweep: the scenario is one point (index 0).</summary>
    None,

    /// <summary>Cartesian product of named values; the last parameter varies fastest.</summary>
    Grid,

    /// <summary>Explicit points, in the order written.</summary>
    List,

    /// <summary>Latin hypercube sample over ranges (linear or log scale), seeded.</summary>
    LatinHypercube,

    /// <summary>A cohort's virtual patients: each point is a patient whose parameters are drawn from the cohort's distributions.</summary>
    Cohort,
}
