namespace ResistanceSim.Runs;

/// <summary>
/// A run refused as asked before it did any work, or a run directory that cannot take it: an engine this version lacks,
/// a cohort on the deterministic engine, a resume of a different run. The message says what and why; nothing was written.
/// </summary>
public sealed class RunRequestException(string message) : Exception(message);
