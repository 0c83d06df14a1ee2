namespace ResistanceSim.Engine.Agents;

/// <summary>One cell on the lattice: its site's coordinates (z = 0 in 2D), the run's clone index and its cell-cycle stage.</summary>
public readonly record struct AgentCell(int X, int Y, int Z, int CloneIndex, int Stage);
