using System.Diagnostics;
using System.Text;

namespace ResistanceSim.Integration.Faults;

/// <summary>
/// The built <c>resistancesim</c> run as a child process, so faults (SIGKILL, SIGTERM, a full or read-only
/// file system) hit a real process. A hang guard fails the test if the child does not end; no test asserts
/// how long anything took.
/// </summary>
public sealed class CliProcess : IDisposable
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(5);
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly object _gate = new();

    /// <summary>The unprivileged user (nobody) a child can run as, to meet "permission denied" although the tests run as root.</summary>
    private const string Nobody = "65534";

    private CliProcess(IReadOnlyList<string> args, string? fault, bool asNobody)
    {
        var start = new ProcessStartInfo(asNobody ? "setpriv" : "dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (asNobody)
        {
            foreach (string arg in new[] { $"--reuid={Nobody}", $"--regid={Nobody}", "--clear-groups", "dotnet" }) start.ArgumentList.Add(arg);
            start.Environment["HOME"] = start.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
        }
        start.ArgumentList.Add(Dll);
        foreach (string arg in args) start.ArgumentList.Add(arg);
        start.Environment.Remove("RESISTANCESIM_FAULT");
        if (fault is not null) start.Environment["RESISTANCESIM_FAULT"] = fault;
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => { lock (_gate) _output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_gate) _error.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public static string Dll
    {
        get
        {
            string dll = Path.Combine(AppContext.BaseDirectory, "resistancesim.dll");
            Assert.True(File.Exists(dll), $"{dll} is missing: the integration project must reference ResistanceSim.Cli");
            return dll;
        }
    }

    public int Id => _process.Id;

    public string Error { get { lock (_gate) return _error.ToString(); } }

    public string Output { get { lock (_gate) return _output.ToString(); } }

    /// <summary>Starts the command; with <paramref name="fault"/> set, the child's RESISTANCESIM_FAULT (e.g. <c>kill@publish-rename#2</c>).</summary>
    public static CliProcess Start(IReadOnlyList<string> args, string? fault = null) => new(args, fault, asNobody: false);

    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
    }

    /// <summary>Runs the command to its end.</summary>
    public static Result Run(IReadOnlyList<string> args, string? fault = null)
    {
        using var child = Start(args, fault);
        return child.WaitForExit();
    }

    /// <summary>Runs the command as the user nobody (needs root, and setpriv from util-linux).</summary>
    public static Result RunAsNobody(IReadOnlyList<string> args)
    {
        using var child = new CliProcess(args, fault: null, asNobody: true);
        return child.WaitForExit();
    }

    public Result WaitForExit() => WaitForExit(HangGuard);

    /// <summary>Waits for the end, failing the test (the child killed) if it has not ended within <paramref name="guard"/>.</summary>
    public Result WaitForExit(TimeSpan guard)
    {
        if (!_process.WaitForExit(guard))
        {
            _process.Kill(entireProcessTree: true);
            Assert.Fail($"resistancesim did not end within {guard.TotalSeconds:0} s; stdout:\n{Output}\nstderr:\n{Error}");
        }
        _process.WaitForExit();   // drains the output handlers
        return new Result(_process.ExitCode, Output, Error);
    }

    /// <summary>Waits until the child prints <paramref name="text"/> on stderr (e.g. a <c>pause</c> fault's line).</summary>
    public void WaitForError(string text) => WaitFor(() => Error, text, "stderr");

    /// <summary>Waits until the child prints <paramref name="text"/> on stdout (e.g. a server's address).</summary>
    public void WaitForOutput(string text) => WaitFor(() => Output, text, "stdout");

    private void WaitFor(Func<string> printed, string text, string stream)
    {
        var clock = Stopwatch.StartNew();
        while (!printed().Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited) Assert.Fail($"resistancesim ended before printing '{text}' on {stream}:\n{printed()}");
            if (clock.Elapsed > HangGuard) Assert.Fail($"resistancesim did not print '{text}' on {stream} within the hang guard:\n{printed()}");
            Thread.Sleep(20);
        }
    }

    public void Signal(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
