using ResistanceSim.Server.Jobs;

namespace ResistanceSim.Server.Api;

/// <summary>
/// What a page sees of a run (<c>GET /api/runs/{id}</c> and each event of its stream). <see cref="LiveChart"/> is the
/// address of the partial population chart while the run goes (it changes with every redraw), <see cref="Charts"/> the
/// finished run's charts.
/// </summary>
public sealed record RunStatus(
    string Id, string State, string Stage, int UnitsDone, int UnitsTotal, int Position, string? Error,
    string? LiveChart, IReadOnlyList<string> Charts, IReadOnlyList<FrameLink> Frames, IReadOnlyList<CheckStatus> Checks, string Scenario, string YamlUrl, string ZipUrl, string Command, int Version)
{
    public static RunStatus Of(RunJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        int version = job.Version;   // read first: outside RunJob.Snapshot, a change while the rest is read only makes a stream send again
        string root = $"/api/runs/{job.Id}";
        return new RunStatus(job.Id, job.State.ToString().ToLowerInvariant(), job.Stage, job.UnitsDone, job.UnitsTotal, job.QueuePosition, job.Error,
            job is { State: RunState.Running, LiveCharts: > 0 } ? $"{root}/live-chart?drawn={job.LiveCharts}" : null,
            [.. job.Charts.Select(c => $"{root}/charts/{c}")],
            [.. job.Frames.Select(f => new FrameLink($"{root}/frames/{f.File}", f.Label))],
            [.. job.Checks.Select(c => new CheckStatus(c.Holds, c.Figure, c.Error))],
            job.Scenario.Name, $"{root}/scenario.yaml", $"{root}/zip", $"resistancesim run {job.Scenario.Name}.yaml", version);
    }
}

/// <summary>A question's check on one run.</summary>
public sealed record CheckStatus(bool Holds, string Figure, string? Error);

/// <summary>One lattice frame of a run: where to fetch its PNG, and its label ("day 20").</summary>
public sealed record FrameLink(string Url, string Label);
