namespace ResistanceSim.Analysis.Calibration;

/// <summary>The evaluation a population member carries: proposal <paramref name="Proposal"/> of generation <paramref name="Generation"/>.</summary>
/// <remarks>A member of a move generation whose move was refused keeps its ancestor, so its source is an earlier generation.</remarks>
public readonly record struct ParticleSource(int Generation, int Proposal);
