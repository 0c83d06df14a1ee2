using ResistanceSim.Analysis.Calibration;
using ResistanceSim.Model.Calibration;
using ResistanceSim.Runs.Calibration;
using Xunit;

namespace ResistanceSim.Tests.Runs;

/// <summary>
/// <c>calibrated.yaml</c> sets the point <c>abc.preset</c> names: each parameter's posterior median, or the final
/// population's lowest-distance member (a tie going to the earliest evaluation) or the one nearest on new patients, its
/// values to the last digit, with the medians still in comments.
/// </summary>
public sealed class CalibratedPresetTests
{
    // Four members: member 2 and member 3 tie for the lowest distance; member 3 was evaluated earlier (generation 1).
    private static readonly AbcPopulation Population = new(
        Generation: 2,
        Sources: [new(2, 0), new(2, 1), new(2, 2), new(1, 5)],
        Values: [[0.10, 1.0e-7], [0.20, 2.0e-7], [0.30, 3.0e-7], [0.40, 4.0e-7]],
        Weights: [0.25, 0.25, 0.25, 0.25],
        Distances: [0.9, 0.7, 0.5, 0.5],
        Epsilon: 1.0);

    private static CalibrationPlan Plan(PresetPoint preset) => new(
        "fit", 1, [],
        [
            new CalibrationParameter("population.drug_death_per_day", new UniformPrior(0, 1), []),
            new CalibrationParameter("catalog.EGFR_activation.probability_per_division", new LogUniformPrior(1e-8, 1e-6), ["trial"]),
        ],
        [], new AbcSettings(4, 3, 0.5, 0.02, 0, AbcMethod.Move, AbcDistance.MeanAbsolute, preset));

    [Fact]
    public void TheLowestDistanceMemberIsTheEarliestEvaluatedOfThoseThatTie() =>
        Assert.Equal(3, PresetMember.LowestDistance(Population));

    [Fact]
    public void TheFullSizeCandidatesAreDistinctEvaluationsInOrderOfDistance()
    {
        var resampled = Population with { Sources = [new(2, 0), new(1, 5), new(2, 2), new(1, 5)] };
        Assert.Equal([3, 2, 0], PresetMember.Nearest(resampled, 5));
        Assert.Equal([3, 2], PresetMember.Nearest(resampled, 2));
    }

    [Fact]
    public void ALowestDistancePresetSetsThatMembersValuesAndKeepsTheMediansInComments()
    {
        var plan = Plan(PresetPoint.LowestDistance);
        string yaml = CalibratedPreset.Write(plan, Population, CalibratedPreset.ChosenOnTheFitsCohorts(plan, Population), "fit.yaml", "all generations ran");
        Assert.Contains("lowest-distance member (generation 1, proposal 5, distance 0.5)", yaml, StringComparison.Ordinal);
        Assert.Matches(@"drug_death_per_day: 0\.4   # posterior median 0\.[23]\d*; 90% interval", yaml);
        Assert.Matches(@"probability_per_division: 4E-07   # posterior median [23](\.5)?E-07; 90% interval .*; set in trial only", yaml);
    }

    [Fact]
    public void AMemberChosenOnNewPatientsIsNamedWithBothDistancesAndItsValuesAreWrittenToTheLastDigit()
    {
        var precise = Population with { Values = [[0.10, 1.0e-7], [0.123456789012345, 2.0e-7], [0.30, 3.0e-7], [0.40, 4.0e-7]] };
        var preset = new PresetMember(1, [new CandidateRun(3, 0.8, [0.1]), new CandidateRun(1, 0.4, [0.2])]);
        string yaml = CalibratedPreset.Write(Plan(PresetPoint.NearestOnNewPatients), precise, preset, "fit.yaml", "all generations ran");
        Assert.Contains("member nearest on new patients (generation 2, proposal 1, distance 0.7 on the fit's cohorts, 0.4 on full cohorts of new patients; the nearest of the 2 nearest on the fit's)",
            yaml, StringComparison.Ordinal);
        Assert.Contains("drug_death_per_day: 0.123456789012345   # posterior median", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void APosteriorMedianPresetSetsTheMedians()
    {
        var plan = Plan(PresetPoint.PosteriorMedian);
        Assert.Null(CalibratedPreset.ChosenOnTheFitsCohorts(plan, Population));
        string yaml = CalibratedPreset.Write(plan, Population, null, "fit.yaml", "all generations ran");
        Assert.Contains("Values are posterior medians", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("drug_death_per_day: 0.4 ", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("posterior median ", yaml, StringComparison.Ordinal);
    }
}
