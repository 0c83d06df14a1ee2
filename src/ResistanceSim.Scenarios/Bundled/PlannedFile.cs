namespace ResistanceSim.Scenarios.Bundled;

/// <summary>One file a scenario copy writes (<see cref="ScenarioCopyPlan"/>): its target path and its text.</summary>
public sealed record PlannedFile(string Target, string Text);
