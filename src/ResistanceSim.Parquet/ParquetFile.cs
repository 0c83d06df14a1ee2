namespace ResistanceSim.Parquet;

/// <summary>File-level helpers.</summary>
public static class ParquetFile
{
    /// <summary>
    /// Runs <paramref name="write"/> against a temporary file beside <paramref name="path"/>
    /// (<c>path.tmp-&lt;random&gt;</c>) and renames it over <paramref name="path"/> only when the callback
    /// returns: readers never see a partial file. On failure the temporary file is deleted.
    /// </summary>
    public static void WriteAtomically(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
        string fullPath = Path.GetFullPath(path);
        string temporary = $"{fullPath}.tmp-{Guid.NewGuid():N}";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>Writes a whole file atomically through a <see cref="ParquetFileWriter"/>.</summary>
    public static void WriteAtomically(string path, ParquetSchema schema, ParquetWriterOptions? options, Action<ParquetFileWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        WriteAtomically(path, stream =>
        {
            using var writer = new ParquetFileWriter(stream, schema, options);
            write(writer);
            writer.Close();
        });
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (IOException)
        {
            // Best effort: the original error matters more than a leftover temporary file.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
