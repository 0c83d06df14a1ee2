namespace ResistanceSim.Cli;

/// <summary>Bad command-line input discovered after parsing (exit code 2).</summary>
public sealed class UsageException(string message) : Exception(message);
