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

    public T Track<T>(string description, int total, Func<Action, T> work)
    {
        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        int done = 0;
        output.WriteLine($"{description}: {total} work units");
        var result = work(() =>
        {
            done++;
            if (done == total || clock.Elapsed - lastReport >= Interval)
            {
                lastReport = clock.Elapsed;
                output.WriteLine(Line(done, total, clock.Elapsed));
            }
        });
        return result;
    }

    public static string Line(int done, int total, TimeSpan elapsed)
    {
        double rate = done / Math.Max(elapsed.TotalSeconds, 1e-9);
        double remaining = (total - done) / Math.Max(rate, 1e-9);
        return string.Create(CultureInfo.InvariantCulture, $"  {done}/{total} work units, {rate:0.##}/s, ETA {remaining:0} s");
    }
}
