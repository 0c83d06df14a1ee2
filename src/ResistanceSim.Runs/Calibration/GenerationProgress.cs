using System.Diagnostics;
using System.Globalization;
using System.Text;
using ResistanceSim.Analysis.Calibration;

namespace ResistanceSim.Runs.Calibration;

/// <summary>
/// The live line of a generation in progress — a bar of accepted particles, the tolerance, proposals evaluated and
/// the acceptance rate so far — written after a batch at most every few seconds (a generation of a multi-trial fit
/// takes hours; a silent one looks hung), and as plain lines so logs and Slurm task files show it too.
/// </summary>
internal sealed class GenerationProgress(TextWriter output, int particles)
{
    private const int BarWidth = 30;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _lastReport = TimeSpan.Zero;

    public void Report(AbcSmcGeneration generation)
    {
        ArgumentNullException.ThrowIfNull(generation);
        if (_clock.Elapsed - _lastReport < Interval) return;
        _lastReport = _clock.Elapsed;
        output.WriteLine(Line(generation.Number, generation.Epsilon, Math.Min(generation.Accepted, particles), particles, generation.Evaluated, _clock.Elapsed));
    }

    public static string Line(int generation, double epsilon, int accepted, int particles, int evaluated, TimeSpan elapsed)
    {
        int filled = particles == 0 ? 0 : accepted * BarWidth / particles;
        var bar = new StringBuilder().Append('[').Append('#', filled).Append('.', BarWidth - filled).Append(']');
        string tolerance = double.IsInfinity(epsilon) ? "∞" : epsilon.ToString("0.###", CultureInfo.InvariantCulture);
        double rate = evaluated == 0 ? 0 : 100.0 * accepted / evaluated;
        return string.Create(CultureInfo.InvariantCulture,
            $"  generation {generation} {bar} {accepted}/{particles} accepted, tolerance {tolerance}, {evaluated} proposals ({rate:0.#}% accepted), {elapsed.TotalSeconds:0} s");
    }
}
