using System.Globalization;
using ResistanceSim.Scenarios.Diagnostics;

namespace ResistanceSim.Scenarios.Limits;

/// <summary>
/// The most memory and output a run may need (<c>--max-memory</c>, <c>--max-output</c>). A scenario whose
/// <see cref="ResourceEstimate"/> exceeds a limit is refused at validation; above half of one it gets a warning.
/// </summary>
public sealed record ResourceLimits(long MaxMemoryBytes, long MaxOutputBytes)
{
    /// <summary>For the 2-core, 24 GB machines this project runs on: 12 GiB of memory (half the RAM, leaving room
    /// for the system and a second job) and 40 GiB of tables (the spool needs as much again while a run publishes,
    /// and the disk has about 80 GB free).</summary>
    public static ResourceLimits Default { get; } = new(12L << 30, 40L << 30);

    /// <summary>Whether the limits are the command line's <c>--max-memory</c> and <c>--max-output</c>, which a message
    /// may tell the user to raise; a server's limits are not the user's to raise.</summary>
    public bool SetOnTheCommandLine { get; init; } = true;

    /// <summary>Errors for each limit exceeded, warnings for each above half, located at <paramref name="location"/>
    /// (the key most responsible is named in the message).</summary>
    public IReadOnlyList<Diagnostic> Check(ResourceEstimate estimate, SourceLocation location)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        var problems = new List<Diagnostic>();
        string advice = "reduce replicates, arms, points or patients, stop.days, or raise sampling.every_days" + (estimate.Lattice is null ? "" : "; for the lattice, a smaller space.size or fewer --threads");
        Compare(estimate.OutputBytes, MaxOutputBytes, "of tables", "--max-output");
        Compare(estimate.MemoryBytes, MaxMemoryBytes, "of memory", "--max-memory");
        return problems;

        void Compare(double needed, long limit, string what, string option)
        {
            string figures = string.Create(CultureInfo.InvariantCulture,
                $"the run needs at least {ByteSize.Format(needed)} {what} ({estimate.Factors()})");
            string named = SetOnTheCommandLine ? $" ({option})" : "";
            string raise = SetOnTheCommandLine ? $", or raise {option}" : "";
            if (needed > limit)
                problems.Add(new Diagnostic(location, "", $"{figures}, more than the limit of {ByteSize.Format(limit)}{named}; {advice}{raise}", DiagnosticSeverity.Error));
            else if (needed > limit / 2.0)
                problems.Add(new Diagnostic(location, "", $"{figures}, more than half the limit of {ByteSize.Format(limit)}{named}", DiagnosticSeverity.Warning));
        }
    }
}
