using ResistanceSim.Output;

namespace ResistanceSim.Integration.Faults;

/// <summary>
/// I/O errors are the user's to fix, not crashes: a full disk (a 64 KiB tmpfs), a read-only file system and a
/// directory the user may not write give exit 74 with one line naming the path and the cause, no stack trace,
/// and no published table; after the disk is enlarged, --resume cleans the leftovers and publishes the
/// uninterrupted run's tables.
/// </summary>
public class IoErrorTests
{
    private const int IoErrorExitCode = 74;

    [RootFact]
    public void AFullDiskIsAOneLineErrorAndTheRunResumesOnceThereIsRoom()
    {
        using var scenario = new FaultScenario();
        string expected = scenario.Reference("expected");
        using var disk = new Tmpfs(kilobytes: 64);
        string run = FaultScenario.RunDirectoryIn(disk.Path);

        var full = CliProcess.Run(FaultScenario.RunArgs(disk.Path));
        AssertOneLineIoError(full, "No space left on device", disk.Path);
        Assert.False(File.Exists(Path.Combine(run, RunManifest.FileName)));
        Assert.Empty(RunDirectory.PartFiles(run));

        disk.Resize(kilobytes: 32 * 1024);
        var resumed = CliProcess.Run(FaultScenario.RunArgs(disk.Path, "--resume"));
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        RunDirectory.AssertSameTables(expected, run);
        Assert.Empty(RunDirectory.Leftovers(run));
    }

    [RootFact]
    public void AReadOnlyFileSystemIsAOneLineErrorAndWritesNothing()
    {
        using var disk = new Tmpfs(kilobytes: 1024);
        disk.MakeReadOnly();

        var refused = CliProcess.Run(FaultScenario.RunArgs(disk.Path));
        AssertOneLineIoError(refused, "Read-only file system", disk.Path);
        Assert.Empty(Directory.GetFileSystemEntries(disk.Path));
    }

    [RootFact]
    public void APublishedRunOnADiskTurnedReadOnlyStaysReadable()
    {
        using var scenario = new FaultScenario();
        using var disk = new Tmpfs(kilobytes: 32 * 1024);
        Assert.Equal(0, CliProcess.Run(FaultScenario.RunArgs(disk.Path)).ExitCode);
        string run = FaultScenario.RunDirectoryIn(disk.Path);
        var before = RunDirectory.Published(run);
        disk.MakeReadOnly();

        var again = CliProcess.Run(FaultScenario.RunArgs(disk.Path, "--seed", "2"));
        AssertOneLineIoError(again, "Read-only file system", disk.Path);
        var after = RunDirectory.Published(run);
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (file, bytes) in before) Assert.True(bytes.AsSpan().SequenceEqual(after[file]), $"{file} changed");
    }

    [RootFact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]   // RootFact skips elsewhere
    public void ADirectoryTheUserMayNotWriteIsAOneLineErrorAndWritesNothing()
    {
        using var scenario = new FaultScenario();
        string locked = Path.Combine(scenario.Root, "not-yours");
        Directory.CreateDirectory(locked);
        File.SetUnixFileMode(scenario.Root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        var refused = CliProcess.RunAsNobody(FaultScenario.RunArgs(Path.Combine(locked, "out")));
        AssertOneLineIoError(refused, "is denied", locked);
        Assert.Empty(Directory.GetFileSystemEntries(locked));
    }

    private static void AssertOneLineIoError(CliProcess.Result result, string cause, string path)
    {
        Assert.True(result.ExitCode == IoErrorExitCode, result.ToString());
        string[] lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length == 1, $"expected one line on stderr:\n{result.Error}");
        Assert.StartsWith("I/O error: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(cause, lines[0], StringComparison.Ordinal);
        Assert.Contains(path, lines[0], StringComparison.Ordinal);
    }
}
