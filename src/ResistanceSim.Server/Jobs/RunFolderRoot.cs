namespace ResistanceSim.Server.Jobs;

/// <summary>
/// Where a server keeps its runs' folders. A class's runs each write about a dozen small files, and the oldest runs are
/// deleted as new ones finish; on a disk file system creating and deleting those files cost a teaching run about a
/// quarter of its time, more the longer the server ran (benchmarks/RESULTS.md, "Run folders in memory"). So the folders
/// go to a file system held in memory (Linux's <c>/dev/shm</c>) when it has room for every run the server keeps, and
/// to the temp folder otherwise.
/// </summary>
public static class RunFolderRoot
{
    /// <summary>File systems in memory that every Linux machine mounts (a container may mount a small one).</summary>
    private static readonly string[] MemoryFileSystems = ["/dev/shm"];

    /// <summary>
    /// Creates this server's private folder for runs: under <paramref name="parent"/> when one is given, else under the
    /// first file system in memory with <paramref name="bytesNeeded"/> free, else under the temp folder.
    /// </summary>
    public static string Create(string? parent, long bytesNeeded)
    {
        if (parent is not null) return CreateUnder(parent);
        foreach (string memory in MemoryFileSystems.Where(f => IsMemoryWithRoom(f, bytesNeeded)))
        {
            try
            {
                return CreateUnder(memory);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Mounted but not writable for this user: the temp folder is next.
            }
        }
        return CreateUnder(Path.GetTempPath());
    }

    private static string CreateUnder(string parent)
    {
        string root = Path.Combine(parent, "resistancesim-serve", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        return root;
    }

    /// <summary>True when <paramref name="folder"/> is a file system in memory with <paramref name="bytesNeeded"/> free.</summary>
    public static bool IsMemoryWithRoom(string folder, long bytesNeeded)
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists(folder)) return false;
        try
        {
            var drive = new DriveInfo(folder);
            return drive.DriveType == DriveType.Ram && drive.AvailableFreeSpace >= bytesNeeded;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return false;
        }
    }
}
