using System.Net;
using System.Text.Json;
using ResistanceSim.Server;
using ResistanceSim.Server.Jobs;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Server;

/// <summary>Where a server's runs write, and how many bytes of finished runs it keeps.</summary>
public class RunFolderTests
{
    private static string Id(JsonElement status) => status.GetProperty("id").GetString()!;

    [Fact]
    public void NoFileSystemHasRoomForEverything()
    {
        Assert.False(RunFolderRoot.IsMemoryWithRoom("/dev/shm", long.MaxValue));
        Assert.False(RunFolderRoot.IsMemoryWithRoom(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N")), 1));   // missing

        string root = RunFolderRoot.Create(parent: null, bytesNeeded: long.MaxValue);
        try
        {
            Assert.StartsWith(Path.Combine(Path.GetTempPath(), "resistancesim-serve"), root, StringComparison.Ordinal);
            Assert.True(Directory.Exists(root));
        }
        finally
        {
            Directory.Delete(root);
        }
    }

    /// <summary>The kernel's own table of mounts says whether /dev/shm is a file system in memory.</summary>
    private static bool SharedMemoryIsTmpfs() =>
        OperatingSystem.IsLinux() && File.Exists("/proc/mounts")
        && File.ReadLines("/proc/mounts").Select(l => l.Split(' ')).Any(f => f.Length > 2 && f[1] == "/dev/shm" && f[2] == "tmpfs");

    [Fact]
    public void RunsGoToMemoryWhenTheMachineHasRoomThere()
    {
        string root = RunFolderRoot.Create(parent: null, bytesNeeded: 1 << 20);
        try
        {
            string expectedParent = SharedMemoryIsTmpfs() ? "/dev/shm" : Path.GetTempPath();
            Assert.StartsWith(Path.Combine(expectedParent, "resistancesim-serve"), root, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root);
        }
    }

    [Fact]
    public async Task ANamedParentIsUsedAndTheServerDeletesItsFolderWhenItStops()
    {
        using var parent = new TempDirectory();
        string runFolder;
        await using (var server = await RunningServer.StartAsync(runFolderParent: parent.Path))
        {
            runFolder = server.RunFolder;
            Assert.StartsWith(parent.Path, runFolder, StringComparison.Ordinal);
            var (_, accepted) = await server.SubmitAsync(new { lesson = "1-fluctuation", values = new { replicates = 10 } });
            Assert.Equal("done", (await server.FollowAsync(Id(accepted)))[^1].GetProperty("state").GetString());
            Assert.NotEmpty(Directory.EnumerateFiles(runFolder, "*.parquet", SearchOption.AllDirectories));
        }
        Assert.False(Directory.Exists(runFolder));
    }

    [Fact]
    public async Task FinishedRunsBeyondTheByteBudgetAreDeletedOldestFirstButNeverTheNewest()
    {
        using var parent = new TempDirectory();
        // One byte: every finished run is over budget, so each new one retires all before it and is kept alone.
        await using var server = await RunningServer.StartAsync(new ServerLimits { RunFolderBytesKept = 1 }, parent.Path);
        var ids = new List<string>();
        for (int run = 0; run < 3; run++)
        {
            var (_, accepted) = await server.SubmitAsync(new { lesson = "1-fluctuation", values = new { replicates = 10 } });
            ids.Add(Id(accepted));
            Assert.Equal("done", (await server.FollowAsync(ids[^1]))[^1].GetProperty("state").GetString());
        }
        await server.WaitForAsync(ids[^1], _ => Directory.EnumerateDirectories(server.RunFolder).Count() == 1);

        foreach (string retired in ids[..^1])
        {
            using var response = await server.Client.GetAsync($"/api/runs/{retired}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        Assert.Equal([ids[^1]], Directory.EnumerateDirectories(server.RunFolder).Select(Path.GetFileName));
        long newestBytes = new DirectoryInfo(Path.Combine(server.RunFolder, ids[^1])).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
        Assert.Equal(newestBytes, server.KeptRunBytes);
    }
}
