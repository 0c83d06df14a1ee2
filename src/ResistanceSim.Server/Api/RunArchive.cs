using System.IO.Compression;

namespace ResistanceSim.Server.Api;

/// <summary>
/// A finished run directory as the zip a page downloads: every file under it, in a folder named after the run, except
/// the lock files (<c>.lock</c>, <c>shards/part-K.lock</c>), which only mean something while a run writes.
/// </summary>
internal static class RunArchive
{
    public static MemoryStream Create(string runDirectory)
    {
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            string root = Path.GetFileName(Path.TrimEndingDirectorySeparator(runDirectory));
            foreach (string file in Directory.EnumerateFiles(runDirectory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (file.EndsWith(".lock", StringComparison.Ordinal)) continue;
                string name = root + "/" + Path.GetRelativePath(runDirectory, file).Replace(Path.DirectorySeparatorChar, '/');
                archive.CreateEntryFromFile(file, name, CompressionLevel.Fastest);
            }
        }
        zip.Position = 0;
        return zip;
    }
}
