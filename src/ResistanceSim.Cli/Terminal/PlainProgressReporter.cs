using System.Diagnostics;
using System.Globalization;

namespace ResistanceSim.Cli.Terminal;

/// <summary>
/// Progress as plain lines ("12/40 work units, 3.1/s, ETA 9 s") at most every few seconds and at
/// the end — for logs, CI and redirected output.
/// </summary>
public sealed class PlainProgressReporter(TextWriter output) : IProgressReporter
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly Stopwatch _clock = new();
    private TimeSpan _lastReport = TimeSpan.Zero;
    private int _total;
    private int _done;

    public void Start(string description, int total)
    {
        _total = total;
        _clock.Restart();
        output.WriteLine($"{description}: {total} work units");
    }

    public void UnitDone()
    {
        _done++;
        if (_done == _total || _clock.Elapsed - _lastReport >= Interval)
        {
            _lastReport = _clock.Elapsed;
            output.WriteLine(Line(_done, _total, _clock.Elapsed));
        }
    }

    public void Dispose()
    {
    }

    public static string Line(int done, int total, TimeSpan elapsed)
    {
        double rate = done / Math.Max(elapsed.TotalSeconds, 1e-9);
        double remaining = (total - done) / Math.Max(rate, 1e-9);
        return string.Create(CultureInfo.InvariantCulture, $"  {done}/{total} work units, {rate:0.##}/s, ETA {remaining:0} s");
    }
}
