namespace ResistanceSim.Engine.Pharmacodynamics;

/// <summary>Per-cell rates of one genotype at given drug levels (before density effects).</summary>
/// <param name="Birth">β = b0 · (1 − cost) · φ(S).</param>
/// <param name="Death">δ = d0 + (δ_drug · (1 − min(φ,1)) + kill) · (1 − ρ).</param>
/// <param name="Switch">σ: total rate of leaving the current phenotype state.</param>
/// <param name="AlkInhibition">I_ALK of this clone: the drug stress that drives phenotype switching.</param>
/// <param name="Signal">Residual signal S.</param>
public readonly record struct CloneRates(double Birth, double Death, double Switch, double AlkInhibition, double Signal);
