namespace ResistanceSim.Output;

/// <summary>
/// A file that becomes visible under its final name only when complete: it is written under a
/// hidden temporary name in the same directory and renamed on <see cref="Commit"/>. Disposing
/// without committing deletes the temporary file, so readers never see half a file.
/// </summary>
public sealed class AtomicFile : IDisposable
{
    private readonly string _temporaryPath;
    private bool _committed;

    public AtomicFile(string path)
    {
        FinalPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(FinalPath)!);
        _temporaryPath = Path.Combine(Path.GetDirectoryName(FinalPath)!, $".{Path.GetFileName(FinalPath)}.tmp-{Guid.NewGuid():N}");
        Stream = new FileStream(_temporaryPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
    }

    public string FinalPath { get; }

    public Stream Stream { get; }

    public void Commit()
    {
        Stream.Flush();
        Stream.Dispose();
        File.Move(_temporaryPath, FinalPath, overwrite: true);
        _committed = true;
    }

    public void Dispose()
    {
        if (_committed) return;
        Stream.Dispose();
        File.Delete(_temporaryPath);
    }

    /// <summary>Writes a whole file atomically.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        using var file = new AtomicFile(path);
        write(file.Stream);
        file.Commit();
    }

    public static void WriteAllText(string path, string text) =>
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true);
            writer.Write(text);
        });
}
