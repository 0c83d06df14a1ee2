namespace ResistanceSim.Cli.Terminal;

/// <summary>Reports work units done: a live bar on a terminal, plain lines when output is redirected.</summary>
public interface IProgressReporter
{
    /// <summary>Runs <paramref name="work"/>, giving it a callback to call once per finished unit.</summary>
    T Track<T>(string description, int total, Func<Action, T> work);
}

public static class ProgressReporters
{
    public static IProgressReporter For(TextWriter output) =>
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected
            ? new SpectreProgressReporter()
            : new PlainProgressReporter(output);
}
