namespace ResistanceSim.Cli.Terminal;

/// <summary>Shows work units done: a live bar on a terminal, plain lines when output is redirected. Dispose ends the display.</summary>
public interface IProgressReporter : IDisposable
{
    /// <summary>Starts showing <paramref name="total"/> units of <paramref name="description"/>.</summary>
    void Start(string description, int total);

    /// <summary>One more unit finished (called once per unit, in order).</summary>
    void UnitDone();
}

public static class ProgressReporters
{
    public static IProgressReporter For(TextWriter output) =>
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected
            ? new SpectreProgressReporter()
            : new PlainProgressReporter(output);
}
