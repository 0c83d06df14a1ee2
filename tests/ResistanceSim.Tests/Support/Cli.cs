namespace ResistanceSim.Tests.Support;

/// <summary>Runs the resistancesim command in-process and captures what it prints.</summary>
public static class Cli
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static Result Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = ResistanceSim.Cli.CommandLine.InvokeAsync(args, output, error, CancellationToken.None).GetAwaiter().GetResult();
        return new Result(code, output.ToString(), error.ToString());
    }
}
