namespace ResistanceSim.Runs.Calibration;

/// <summary>
/// Where a calibration writes its log — progress and results as plain lines to <paramref name="Output"/> (a fit runs
/// for hours, often under Slurm, so lines rather than events), warnings to <paramref name="Error"/> — and what stops it.
/// </summary>
/// <param name="Output">Progress lines and the results.</param>
/// <param name="Error">Warnings (a rejected parameter set, a scenario's resource warning) and where a stopped fit can continue.</param>
/// <param name="Cancellation">Stops the fit; every finished evaluation is kept.</param>
public sealed record CalibrationLog(TextWriter Output, TextWriter Error, CancellationToken Cancellation);
