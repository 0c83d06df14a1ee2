namespace ResistanceSim.Engine.Running;

/// <summary>One independent simulation: an arm × sweep point × replicate. Its random stream derives from these and the seed only.</summary>
public readonly record struct WorkUnit(int Arm, int Point, int Replicate);
