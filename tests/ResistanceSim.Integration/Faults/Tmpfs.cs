using System.Diagnostics;
using System.Globalization;

namespace ResistanceSim.Integration.Faults;

/// <summary>A small tmpfs mounted for one test (a disk that fills up, or that turns read-only), unmounted and removed afterwards.</summary>
public sealed class Tmpfs : IDisposable
{
    public Tmpfs(int kilobytes)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "resistancesim-tmpfs-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path);
        Mount("-t", "tmpfs", "-o", string.Create(CultureInfo.InvariantCulture, $"size={kilobytes}k"), "tmpfs", Path);
    }

    public string Path { get; }

    /// <summary>Root on Linux with a <c>mount</c> command.</summary>
    public static bool CanMount => OperatingSystem.IsLinux() && Environment.UserName == "root" && File.Exists("/bin/mount");

    public void Resize(int kilobytes) => Mount("-o", string.Create(CultureInfo.InvariantCulture, $"remount,size={kilobytes}k"), Path);

    public void MakeReadOnly() => Mount("-o", "remount,ro", Path);

    private static void Mount(params string[] args)
    {
        using var mount = Process.Start(new ProcessStartInfo("mount", args) { RedirectStandardError = true, UseShellExecute = false })!;
        string error = mount.StandardError.ReadToEnd();
        mount.WaitForExit();
        Assert.True(mount.ExitCode == 0, $"mount {string.Join(' ', args)} failed: {error}");
    }

    public void Dispose()
    {
        using (var umount = Process.Start(new ProcessStartInfo("umount", [Path]) { UseShellExecute = false })!) umount.WaitForExit();
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
