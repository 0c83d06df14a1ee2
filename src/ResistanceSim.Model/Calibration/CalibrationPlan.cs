namespace ResistanceSim.Model.Calibration;

/// <summary>
/// What <c>resistancesim calibrate</c> fits (docs/calibration.md): scenarios run at each parameter set, the free
/// parameters with their priors, the published targets, and the ABC-SMC settings.
/// </summary>
public sealed record CalibrationPlan(
    string Name, ulong Seed, IReadOnlyList<CalibrationScenario> Scenarios, IReadOnlyList<CalibrationParameter> Parameters,
    IReadOnlyList<CalibrationTarget> Targets, AbcSettings Abc)
{
    /// <summary>
    /// Published values the fit does not use — data the model was not fitted to, set beside what it predicts by
    /// <c>calibrate --check</c> only (docs/calibration.md, "Predictions").
    /// </summary>
    public IReadOnlyList<CalibrationTarget> Predictions { get; init; } = [];

    /// <summary>True if a target reads <paramref name="scenario"/>: the fit runs it (a scenario only predictions read is run by the check alone).</summary>
    public bool IsFitted(CalibrationScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return Targets.Any(t => t.Scenario == scenario.Name);
    }
}

/// <summary>A scenario the fit runs, reduced to <paramref name="Patients"/> per arm (cohorts) or <paramref name="Replicates"/> (cultures).</summary>
/// <param name="Path">The scenario file, resolved against the calibration file's folder.</param>
public sealed record CalibrationScenario(string Name, string Path, int? Patients, int? Replicates);

/// <summary>A free parameter: a scenario path as in <c>sweep:</c>, its prior, and the scenarios it is set in (all when empty).</summary>
public sealed record CalibrationParameter(string Path, Prior Prior, IReadOnlyList<string> Scenarios)
{
    public bool AppliesTo(string scenario) => Scenarios.Count == 0 || Scenarios.Contains(scenario, StringComparer.Ordinal);
}

/// <summary>How a generation after the prior's is built (docs/calibration.md, "Method").</summary>
public enum AbcMethod
{
    /// <summary>Perturbed ancestors accepted within the tolerance, weighted by importance (Toni et al. 2009; Beaumont et al. 2009).</summary>
    Importance,

    /// <summary>Resample the members within the tolerance and move each by one ABC-MCMC step; equal weights (Del Moral et al. 2012).</summary>
    Move,
}

/// <summary>Which point of the final population <c>calibrated.yaml</c> sets (docs/calibration.md, "Output").</summary>
public enum PresetPoint
{
    /// <summary>Each parameter's weighted posterior median.</summary>
    PosteriorMedian,

    /// <summary>The member with the lowest distance on the fit's cohorts (earliest generation and proposal on a tie).</summary>
    LowestDistance,

    /// <summary>
    /// Of the <see cref="AbcSettings.PresetCandidates"/> members lowest on the fit's cohorts, the one with the lowest
    /// distance on full cohorts of new patients (other seeds), where chance weighs less.
    /// </summary>
    NearestOnNewPatients,
}

/// <summary>ABC-SMC settings (docs/calibration.md, "Method").</summary>
/// <param name="Particles">Accepted parameter sets per generation.</param>
/// <param name="Generations">Most generations, the prior's included.</param>
/// <param name="Quantile">Each tolerance is this quantile of the previous generation's accepted distances.</param>
/// <param name="MinAcceptance">Stop when a generation accepts fewer of its proposals than this.</param>
/// <param name="MinEpsilon">Stop once the tolerance reaches this distance (0: run every generation).</param>
/// <param name="Method">How later generations are built.</param>
/// <param name="Distance">How the targets' misses combine into one distance.</param>
/// <param name="Preset">Which point of the final population the calibrated preset sets.</param>
/// <param name="PresetCandidates">With <see cref="PresetPoint.NearestOnNewPatients"/>: how many members are run again.</param>
/// <param name="PresetDraws">With <see cref="PresetPoint.NearestOnNewPatients"/>: on how many draws of new patients each is
/// run; its distance there is the mean over the draws.</param>
public sealed record AbcSettings(int Particles, int Generations, double Quantile, double MinAcceptance, double MinEpsilon,
    AbcMethod Method = AbcMethod.Importance, AbcDistance Distance = AbcDistance.RootMeanSquare, PresetPoint Preset = PresetPoint.PosteriorMedian,
    int PresetCandidates = 10, int PresetDraws = 1);
