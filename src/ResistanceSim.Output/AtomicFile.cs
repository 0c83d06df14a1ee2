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

    /// <summary>
    /// Discards an uncommitted file. Closing may fail again for the reason the write failed (a full disk
    /// flushing its buffer): that second error is dropped, so the first one — naming the cause — is what
    /// the caller sees, and the temporary file is removed all the same.
    /// </summary>
    public void Dispose()
    {
        if (_committed) return;
        try { Stream.Dispose(); }
        catch (IOException) { }
        try { File.Delete(_temporaryPath); }
        catch (IOException) { }                    // left for the next run's clean-up (TemporaryFiles)
        catch (UnauthorizedAccessException) { }
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
