using ResistanceSim.Model;

namespace ResistanceSim.Engine.Genetics;

/// <summary>
/// How cells acquire heritable mechanisms. At division (<see cref="PerDivision"/>): a division yields a
/// mutant daughter with probability U, at most one mechanism per division, so mutation rides on births.
/// Per unit time (<see cref="PerDay"/>): each cell gives rise to a mutant at ν per day whatever its birth
/// rate, the parent cell unchanged — OncoSimulR's <c>mutationPropGrowth = FALSE</c>, under which fitter
/// clones do not mutate faster. A scenario may use either or both.
/// </summary>
public sealed class MutationModel
{
    public MutationModel(MechanismCatalog catalog)
    {
        PerDivision = new MutationTable(catalog, m => m.ProbabilityPerDivision, isProbability: true);
        PerDay = new MutationTable(catalog, m => m.RatePerDay, isProbability: false);
    }

    /// <summary>Probabilities per division (U = <see cref="MutationTable.Total"/>).</summary>
    public MutationTable PerDivision { get; }

    /// <summary>Rates per cell per day (ν = <see cref="MutationTable.Total"/>).</summary>
    public MutationTable PerDay { get; }
}
