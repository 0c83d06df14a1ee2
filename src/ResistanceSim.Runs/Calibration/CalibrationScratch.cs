namespace ResistanceSim.Runs.Calibration;

/// <summary>
/// Where a calibration's shards run their particles' scenarios: <c>scratch/shard-K</c> under the shared run directory,
/// one folder per shard so that shards never touch each other's files.
/// </summary>
internal static class CalibrationScratch
{
    public static string Root(string runDirectory) => Path.Combine(runDirectory, "scratch");

    public static string ForShard(string runDirectory, int shard) => Path.Combine(Root(runDirectory), $"shard-{shard}");

    /// <summary>
    /// Removes this shard's folder, and the scratch root if no other shard still has one. Shards of an array finish
    /// together: another may remove the root first, or create its folder in it between the look and the delete, so
    /// either outcome means the root is not this shard's to remove.
    /// </summary>
    public static void Leave(string runDirectory, int shard)
    {
        string own = ForShard(runDirectory, shard), root = Root(runDirectory);
        if (Directory.Exists(own)) Directory.Delete(own, recursive: true);
        try
        {
            if (!Directory.EnumerateFileSystemEntries(root).Any()) Directory.Delete(root);
        }
        catch (DirectoryNotFoundException)
        {
            // another shard removed it
        }
        catch (IOException) when (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any())
        {
            // another shard's folder appeared in it
        }
    }
}
