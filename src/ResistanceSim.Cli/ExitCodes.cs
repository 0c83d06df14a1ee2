namespace ResistanceSim.Cli;

/// <summary>The command's exit codes (README, "Commands").</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int InternalError = 1;
    public const int BadInput = 2;
    /// <summary>Stopped by Ctrl+C or SIGTERM; finished parts are valid (POSIX convention 128 + SIGINT).</summary>
    public const int Cancelled = 130;
}
