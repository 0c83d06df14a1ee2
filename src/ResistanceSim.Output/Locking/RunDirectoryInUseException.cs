namespace ResistanceSim.Output.Locking;

/// <summary>Another live run holds the run directory's lock (a usage error: exit 2).</summary>
public sealed class RunDirectoryInUseException(string message) : Exception(message);
