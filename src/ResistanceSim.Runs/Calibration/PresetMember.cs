using System.Globalization;
using ResistanceSim.Analysis.Calibration;

namespace ResistanceSim.Runs.Calibration;

/// <summary>
/// A member of the final population run again on new patients to choose the preset: its distance there, the mean of its
/// distances over the <see cref="Draws"/> draws of new patients, and each metric's mean over them.
/// </summary>
internal sealed record CandidateRun(int Member, double Distance, double[] Simulated, int Draws = 1)
{
    /// <summary>The member's runs on each draw, combined: the mean distance (the draws weigh alike) and the mean metrics.</summary>
    public static CandidateRun OverDraws(int member, IReadOnlyList<CalibrationJournal.Entry> draws)
    {
        ArgumentNullException.ThrowIfNull(draws);
        double[] simulated = [.. Enumerable.Range(0, draws[0].Simulated.Length).Select(t => draws.Average(e => e.Simulated[t]))];
        return new CandidateRun(member, draws.Average(e => e.Distance), simulated, draws.Count);
    }
}

/// <summary>
/// The member of the final population <c>calibrated.yaml</c> sets (<c>abc.preset</c>): the lowest-distance one on the
/// fit's cohorts, or the nearest on new patients among the members lowest on the fit's (<see cref="CandidateRuns"/>
/// then holds every candidate's run, the chosen one included, on full cohorts of new patients).
/// </summary>
internal sealed record PresetMember(int Member, IReadOnlyList<CandidateRun>? CandidateRuns = null)
{
    /// <summary>The chosen member's run on new patients; null when it was chosen on the fit's cohorts.</summary>
    public CandidateRun? OnNewPatients => CandidateRuns?.First(r => r.Member == Member);

    /// <summary>How the preset, the summary and the report name the member and why it was chosen.</summary>
    public string Describe(AbcPopulation population)
    {
        ArgumentNullException.ThrowIfNull(population);
        var source = population.Sources[Member];
        string where = string.Create(CultureInfo.InvariantCulture,
            $"generation {source.Generation}, proposal {source.Proposal}, distance {population.Distances[Member]:0.####}");
        return OnNewPatients is { } run
            ? string.Create(CultureInfo.InvariantCulture,
                $"member nearest on new patients ({where} on the fit's cohorts, {run.Distance:0.####} on full cohorts of new patients{OverDraws(run)}; the nearest of the {CandidateRuns!.Count} nearest on the fit's)")
            : $"lowest-distance member ({where})";
    }

    private static string OverDraws(CandidateRun run) =>
        run.Draws == 1 ? "" : string.Create(CultureInfo.InvariantCulture, $", the mean over {run.Draws} draws of them");

    /// <summary>The member with the lowest distance; a tie goes to the earliest evaluation, so the choice is reproducible.</summary>
    public static int LowestDistance(AbcPopulation population) => ByDistance(population).First();

    /// <summary>
    /// The first <paramref name="count"/> distinct evaluations of the population by distance (a tie to the earliest):
    /// a member resampled several times is one candidate.
    /// </summary>
    public static int[] Nearest(AbcPopulation population, int count) =>
        [.. ByDistance(population).DistinctBy(i => population.Sources[i]).Take(count)];

    private static IEnumerable<int> ByDistance(AbcPopulation population)
    {
        ArgumentNullException.ThrowIfNull(population);
        return Enumerable.Range(0, population.Count)
            .OrderBy(i => population.Distances[i]).ThenBy(i => population.Sources[i].Generation).ThenBy(i => population.Sources[i].Proposal);
    }
}
