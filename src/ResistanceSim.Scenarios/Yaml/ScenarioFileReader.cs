using System.Globalization;
using System.Runtime.InteropServices;

namespace ResistanceSim.Scenarios.Yaml;

/// <summary>
/// Reads a scenario or included file safely: only a regular file (not a device such as /dev/zero, a FIFO that would
/// block forever, a socket or a directory), and at most <see cref="MaxBytes"/> bytes, so a wrong path can neither
/// hang the program nor exhaust its memory. Problems come back as sentences for a located diagnostic.
/// </summary>
public static partial class ScenarioFileReader
{
    /// <summary>4 MiB: the bundled scenarios and presets are under 20 KB; parsing 4 MB of YAML takes about a second.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>The file's bytes, or null and <paramref name="problem"/> (completes "cannot read FILE: …").</summary>
    public static byte[]? TryRead(string fullPath, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(fullPath);
        problem = KindProblem(fullPath);
        if (problem is not null) return null;
        try
        {
            using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            // Read one byte past the cap rather than trusting the length: a file may grow while it is read.
            var buffer = new byte[Math.Min(MaxBytes + 1L, Math.Max(stream.Length, 0) + 1)];
            int total = 0;
            while (true)
            {
                if (total == buffer.Length)
                {
                    if (total > MaxBytes) break;
                    Array.Resize(ref buffer, (int)Math.Min(MaxBytes + 1L, buffer.Length * 2L));
                }
                int read = stream.Read(buffer, total, buffer.Length - total);
                if (read == 0) break;
                total += read;
            }
            if (total > MaxBytes)
            {
                problem = string.Create(CultureInfo.InvariantCulture,
                    $"the file is larger than the limit of {MaxBytes / (1024 * 1024)} MiB for a scenario or included file");
                return null;
            }
            return buffer.AsSpan(0, total).ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            problem = e.Message;
            return null;
        }
    }

    /// <summary>Null for a regular file (after following links); otherwise what it is instead.</summary>
    private static string? KindProblem(string fullPath)
    {
        if (fullPath.Contains('\0', StringComparison.Ordinal)) return "the name contains a NUL character";
        if (Directory.Exists(fullPath)) return "it is a directory, not a file";
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS() && !OperatingSystem.IsFreeBSD()) return null;
        // .NET has no public file-type query; the runtime's own native shim reports the st_mode bits
        // (PAL constants, the same on every Unix). The rest of its FileStatus struct is not read.
        var status = new byte[256];
        if (SystemNativeStat(fullPath, status) != 0) return null;   // missing or unreadable: the open below reports it
        int kind = BitConverter.ToInt32(status, sizeof(int)) & FileTypeMask;
        return kind switch
        {
            RegularFile => null,
            Fifo => "it is a FIFO (named pipe), not a regular file",
            CharacterDevice or BlockDevice => "it is a device, not a regular file",
            Socket => "it is a socket, not a regular file",
            _ => "it is not a regular file",
        };
    }

    private const int FileTypeMask = 0xF000, Fifo = 0x1000, CharacterDevice = 0x2000, BlockDevice = 0x6000, RegularFile = 0x8000, Socket = 0xC000;

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SystemNativeStat(string path, [Out] byte[] status);
}
