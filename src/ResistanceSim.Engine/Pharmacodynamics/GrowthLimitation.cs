using ResistanceSim.Model;

namespace ResistanceSim.Engine.Pharmacodynamics;

/// <summary>
/// Density dependence shared by every clone: a factor g(N) on birth (logistic, Gompertz) or an
/// extra per-cell death h(N) (McFarland). Engines apply it as a global factor so a change in N
/// never forces a per-clone rate update.
/// </summary>
public readonly struct GrowthLimitation(GrowthLimit limit)
{
    private readonly GrowthLimitKind _kind = limit.Kind;
    private readonly double _capacity = limit.CapacityCells;

    public bool DependsOnDensity => _kind != GrowthLimitKind.None;

    /// <summary>Whether density lowers births (g(N) &lt; 1 possible: logistic, Gompertz) rather than raising deaths.</summary>
    public bool ThinsBirths => _kind is GrowthLimitKind.Logistic or GrowthLimitKind.Gompertz;

    public double BirthFactor(double totalCells) => GrowthLimit.BirthFactor(_kind, _capacity, totalCells);

    public double DeathPerCell(double totalCells) => GrowthLimit.DeathPerCell(_kind, _capacity, totalCells);
}
