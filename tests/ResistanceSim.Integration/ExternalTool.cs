using System.Diagnostics;

namespace ResistanceSim.Integration;

/// <summary>
/// Runs an external program for an integration test. A missing program or a non-zero exit fails
/// the test with the command line and the program's stderr; nothing is skipped silently.
/// </summary>
public static class ExternalTool
{
    /// <summary>The full path of <paramref name="name"/> on PATH (or the absolute path itself), or a test failure naming the package to install.</summary>
    public static string Require(string name, string installHint)
    {
        if (Path.IsPathRooted(name))
        {
            return File.Exists(name) ? name : throw new Xunit.Sdk.XunitException($"{name} is missing; install it with: {installHint}");
        }

        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            string candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new Xunit.Sdk.XunitException($"'{name}' was not found on PATH; install it with: {installHint}");
    }

    /// <summary>Runs the program to completion (in <paramref name="workingDirectory"/> when given) and returns its stdout;
    /// fails the test on timeout or non-zero exit.</summary>
    public static string Run(string program, IReadOnlyList<string> arguments, TimeSpan timeout, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new Xunit.Sdk.XunitException($"could not start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        string commandLine = program + " " + string.Join(' ', arguments);
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"{commandLine} did not finish within {timeout.TotalSeconds} s. stderr:\n{stderr.Result}");
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new Xunit.Sdk.XunitException($"{commandLine} exited with code {process.ExitCode}. stdout:\n{stdout.Result}\nstderr:\n{stderr.Result}");
        }

        return stdout.Result;
    }
}
