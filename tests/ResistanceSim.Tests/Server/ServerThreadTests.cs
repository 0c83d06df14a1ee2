namespace ResistanceSim.Tests.Server;

/// <summary>
/// A run keeps every core busy, and on a busy CPU the thread pool is slow to grow: requests and progress streams must not
/// depend on it growing. (The browser tests saw a page's progress freeze for 3.5 s before these.)
/// </summary>
public class ServerThreadTests
{
    [Fact]
    public async Task A_started_server_keeps_request_threads_above_the_core_count()
    {
        await using var server = await RunningServer.StartAsync();
        ThreadPool.GetMinThreads(out int workers, out _);
        Assert.True(workers >= Environment.ProcessorCount + 8, $"minimum pool threads {workers} on {Environment.ProcessorCount} cores");
    }
}
