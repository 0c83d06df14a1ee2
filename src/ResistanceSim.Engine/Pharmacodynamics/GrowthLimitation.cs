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

    public double BirthFactor(double totalCells) => _kind switch
    {
        GrowthLimitKind.Logistic => Math.Max(0, 1 - totalCells / _capacity),
        GrowthLimitKind.Gompertz => totalCells <= 1 ? 1 : Math.Max(0, Math.Log(_capacity / totalCells) / Math.Log(_capacity)),
        _ => 1,
    };

    public double DeathPerCell(double totalCells) =>
        _kind == GrowthLimitKind.Mcfarland ? Math.Log(1 + totalCells / _capacity) : 0;
}
