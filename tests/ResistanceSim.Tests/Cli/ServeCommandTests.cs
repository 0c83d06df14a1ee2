using System.Text.RegularExpressions;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Cli;

/// <summary><c>resistancesim serve</c>: prints its URL, serves until Ctrl+C (the host's token) and exits 0; refuses bad input with exit 2, and a port in use with exit 75.</summary>
public partial class ServeCommandTests
{
    private static readonly string Lessons = Path.Combine(Repository.Root, "lessons");

    /// <summary>Starts the command in-process; it writes through synchronized writers because the test reads them while it runs.</summary>
    private static (Task<int> Exit, Captured Output, Captured Error, CancellationTokenSource CtrlC) Start(params string[] args)
    {
        var output = new Captured();
        var error = new Captured();
        var ctrlC = new CancellationTokenSource();
        var exit = ResistanceSim.Cli.CommandLine.InvokeAsync(args, output.Writer, error.Writer, ctrlC.Token);
        return (exit, output, error, ctrlC);
    }

    private static async Task<string> UrlAsync(Captured output, Task<int> exit)
    {
        for (int i = 0; i < 600 && !exit.IsCompleted; i++)
        {
            if (UrlPattern().Match(output.ToString()) is { Success: true } match) return match.Value;
            await Task.Delay(50);
        }
        throw new InvalidOperationException($"serve printed no URL: {output}");
    }

    /// <summary>Text written from another thread; TextWriter.Synchronized locks on the writer, so reading under that lock is safe.</summary>
    private sealed class Captured
    {
        private readonly StringWriter _text = new();

        public Captured() => Writer = TextWriter.Synchronized(_text);

        public TextWriter Writer { get; }

        public override string ToString()
        {
            lock (Writer) return _text.ToString();
        }
    }

    [Fact]
    public async Task ItPrintsItsLoopbackUrlServesAndStopsOnCtrlC()
    {
        var (exit, output, error, ctrlC) = Start("serve", "--port", "0", "--lessons", Lessons);
        using (ctrlC)
        {
            string url = await UrlAsync(output, exit);
            Assert.StartsWith("http://127.0.0.1:", url, StringComparison.Ordinal);
            using var client = new HttpClient();
            Assert.Contains("1. Why replicates differ", await client.GetStringAsync(url), StringComparison.Ordinal);
            await ctrlC.CancelAsync();
            Assert.Equal(0, await exit.WaitAsync(TimeSpan.FromSeconds(30)));
        }
        Assert.EndsWith($"Stopped.{Environment.NewLine}", output.ToString(), StringComparison.Ordinal);
        Assert.Equal("", error.ToString());
    }

    [Fact]
    public async Task BindingBeyondLoopbackPrintsAWarning()
    {
        var (exit, output, error, ctrlC) = Start("serve", "--port", "0", "--host", "0.0.0.0", "--lessons", Lessons);
        using (ctrlC)
        {
            await UrlAsync(output, exit);
            await ctrlC.CancelAsync();
            Assert.Equal(0, await exit.WaitAsync(TimeSpan.FromSeconds(30)));
        }
        Assert.StartsWith("warning: listening on 0.0.0.0: other computers on the network can open this server", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AHostThatIsNoAddressIsAUsageError()
    {
        var result = Support.Cli.Run("serve", "--host", "example.org", "--lessons", Lessons);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: --host must be an IP address or localhost ('example.org' supplied)", result.Error.Trim());
    }

    [Fact]
    public void AMalformedLessonStopsTheStartWithItsLocatedErrors()
    {
        using var folder = new TempDirectory();
        string lesson = folder.File("broken.yaml", File.ReadAllText(Path.Combine(Lessons, "1-fluctuation.yaml"))
            .Replace("scenario: scenarios/fluctuation.yaml", $"scenario: {Path.Combine(Lessons, "scenarios", "fluctuation.yaml")}", StringComparison.Ordinal)
            .Replace("    max: 80", "    max: eighty", StringComparison.Ordinal));
        int line = Array.FindIndex(File.ReadAllLines(lesson), l => l.Contains("eighty", StringComparison.Ordinal)) + 1;
        var result = Support.Cli.Run("serve", "--port", "0", "--lessons", folder.Path);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"{lesson}:{line}:10: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("eighty", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public void APortInUseIsOneLineAndExit75()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        int port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        var result = Support.Cli.Run("serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--lessons", Lessons);
        Assert.Equal(ResistanceSim.Cli.ExitCodes.PortInUse, result.ExitCode);
        Assert.Equal(75, result.ExitCode);   // sysexits.h EX_TEMPFAIL, distinct from 74 (EX_IOERR: a disk failed)
        Assert.Equal($"error: port {port} on 127.0.0.1 is already in use (another server, or a 'resistancesim serve' still running); "
            + $"choose another with --port, e.g. --port {port + 1}", result.Error.Trim());
        Assert.Equal("", result.Output);
    }

    [GeneratedRegex(@"http://[^ ]+/")]
    private static partial Regex UrlPattern();
}
