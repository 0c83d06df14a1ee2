using System.Diagnostics;
using System.Globalization;
using System.Text;
using ResistanceSim.Analysis.Calibration;

namespace ResistanceSim.Runs.Calibration;

/// <summary>
/// The live line of a generation in progress — a bar of the particles settled, the tolerance, proposals evaluated and
/// the acceptance rate so far — written after a batch at most every few seconds (a generation of a multi-trial fit
/// takes hours; a silent one looks hung), and as plain lines so logs and Slurm task files show it too.
/// </summary>
internal sealed class GenerationProgress(TextWriter output, int particles)
{
    private const int BarWidth = 30;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _lastReport = TimeSpan.Zero;

    public void Report(IAbcGeneration generation)
    {
        ArgumentNullException.ThrowIfNull(generation);
        if (_clock.Elapsed - _lastReport < Interval) return;
        _lastReport = _clock.Elapsed;
        output.WriteLine(Line(generation.Number, generation.Epsilon, generation.Settled, generation.Accepted, particles, generation.Evaluated, _clock.Elapsed));
    }

    /// <summary>
    /// The line for generation <paramref name="generation"/>: the bar fills with <paramref name="settled"/> of
    /// <paramref name="particles"/> members known (accepted proposals; in a move generation, moves tried), and the rate is
    /// <paramref name="accepted"/> (moves accepted, in a move generation) over <paramref name="evaluated"/>.
    /// </summary>
    public static string Line(int generation, double epsilon, int settled, int accepted, int particles, int evaluated, TimeSpan elapsed)
    {
        int filled = particles == 0 ? 0 : Math.Min(settled, particles) * BarWidth / particles;
        var bar = new StringBuilder().Append('[').Append('#', filled).Append('.', BarWidth - filled).Append(']');
        string tolerance = double.IsInfinity(epsilon) ? "∞" : epsilon.ToString("0.###", CultureInfo.InvariantCulture);
        double rate = evaluated == 0 ? 0 : 100.0 * accepted / evaluated;
        return string.Create(CultureInfo.InvariantCulture,
            $"  generation {generation} {bar} {Math.Min(settled, particles)}/{particles} particles, tolerance {tolerance}, {evaluated} proposals ({rate:0.#}% accepted), {elapsed.TotalSeconds:0} s");
    }
}
