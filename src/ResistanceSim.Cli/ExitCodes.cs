namespace ResistanceSim.Cli;

/// <summary>The command's exit codes (README, "Commands"; docs/reliability.md, "Exit codes").</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int InternalError = 1;
    /// <summary>Bad input: scenario, arguments, a run directory in use by another run, or one whose tables are not published.</summary>
    public const int BadInput = 2;
    /// <summary>An input/output error (disk full, permission denied, read-only file system): sysexits.h EX_IOERR.</summary>
    public const int IoError = 74;
    /// <summary><c>serve</c> could not listen: its port is taken (sysexits.h EX_TEMPFAIL: try again later, or on another port).</summary>
    public const int PortInUse = 75;
    /// <summary>Stopped by Ctrl+C or SIGTERM; finished parts are valid (POSIX convention 128 + SIGINT).</summary>
    public const int Cancelled = 130;
}
