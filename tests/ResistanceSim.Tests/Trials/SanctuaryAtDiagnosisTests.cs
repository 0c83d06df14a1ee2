using ResistanceSim.Engine.Observation;

namespace ResistanceSim.Tests.Trials;

/// <summary>
/// <c>cohort.sanctuary_at_diagnosis</c>: a share of patients carry a sanctuary lesion at diagnosis (brain metastases at
/// baseline), its diameter log-uniform in a range, its cells added to the tumour found at detection; each patient's
/// lesion is the same in every arm.
/// </summary>
public class SanctuaryAtDiagnosisTests
{
    // Seeding so rare (1e-12 per division, tumours of 1e5 cells) that no brain lesion arises but the one placed; 1e5 cells
    // per cm³, so a 4 mm sphere holds 3,351 cells and an 8 mm one 26,808, against a tumour of 1e5 at diagnosis.
    private static readonly string Trial = TrialScenarios.BrainSanctuaryTrial("lesion-at-diagnosis-test", 1.0e-12, arms: 2)
        .Replace("patients: 40", "patients: 200", StringComparison.Ordinal)
        + "  scans: { every_days: 21, lesions: 1, cells_per_cm3: 1.0e5, new_lesion_mm: 3 }\n";

    private static string With(string lesion) => Trial + "  sanctuary_at_diagnosis: " + lesion + "\n";

    private static IReadOnlyList<ClinicalCourse> Run(string? lesion, int arm = 0) =>
        TrialScenarios.Courses(lesion is null ? Trial : With(lesion), arm);

    [Fact]
    public void NoPatientWithALesionChangesNothing()
    {
        var without = Run(null);
        Assert.Equal(without, Run("{ mechanism: brain, share: 0, diameter_mm: { min: 4, max: 8 } }"));
        Assert.All(without, c => Assert.Equal(0, c.SanctuaryBaselineMm));
    }

    [Fact]
    public void EveryPatientWithALesionSeesItAtBaselineWithADiameterLogUniformInTheRange()
    {
        var courses = Run("{ mechanism: brain, share: 1, diameter_mm: { min: 4, max: 8 } }");
        // The cells are a Poisson draw around the sphere's (at least 3,351: sd 1.7%), so the diameter is within a third of
        // that of the drawn one: 4 sd = 2.3%.
        Assert.All(courses, c => Assert.InRange(c.SanctuaryBaselineMm, 4 * 0.977, 8 * 1.023));
        // Log-uniform: half the diameters below the geometric middle, sqrt(8 · 4) = 5.66 mm; 200 patients, 4 sd = 0.14.
        double below = courses.Count(c => c.SanctuaryBaselineMm < Math.Sqrt(32)) / (double)courses.Count;
        Assert.InRange(below, 0.5 - 0.14, 0.5 + 0.14);
    }

    [Fact]
    public void TheShareOfPatientsWithALesionIsTheShareAsked()
    {
        var courses = Run("{ mechanism: brain, share: 0.3, diameter_mm: { min: 4, max: 8 } }");
        // Binomial(200, 0.3): sd 6.5 patients; 4 sd either side.
        Assert.InRange(courses.Count(c => c.SanctuaryBaselineMm > 0), 60 - 26, 60 + 26);
    }

    [Fact]
    public void ALesionTheDrugBarelyReachesEndsCoursesInTheSanctuarySooner()
    {
        // The brain sees 1% of the drug (the trial's exposure fold): a lesion there at baseline grows on through it.
        var without = Run(null);
        var with = Run("{ mechanism: brain, share: 1, diameter_mm: { min: 4, max: 8 } }");
        Assert.True(with.Count(c => c.ProgressedInSanctuary) > without.Count(c => c.ProgressedInSanctuary) + 50,
            $"progressions in the sanctuary: {with.Count(c => c.ProgressedInSanctuary)} with a lesion at diagnosis, {without.Count(c => c.ProgressedInSanctuary)} without");
        Assert.True(Median(with) < Median(without), $"median PFS {Median(with)} days with the lesion, {Median(without)} without");
    }

    [Fact]
    public void AnEstablishedLesionOfASiteTheDrugReachesRespondsWithTheRest()
    {
        // A second site for the lesion placed at diagnosis, never seeded by a division, which the drug reaches in full
        // (an established metastasis behind a leaky barrier), beside the pool it barely reaches.
        string twoSites = Trial
            .Replace("mechanisms: [brain]", "mechanisms: [brain, metastasis]", StringComparison.Ordinal)
            .Replace("catalog:\n", "catalog:\n  metastasis: { kind: sanctuary, probability_per_division: 0, exposure_fold_change: { tki: 1.0 } }\n", StringComparison.Ordinal);
        Assert.Contains("  metastasis: { kind: sanctuary", twoSites, StringComparison.Ordinal);
        Assert.Contains("[brain, metastasis]", twoSites, StringComparison.Ordinal);
        var withoutLesion = TrialScenarios.Courses(twoSites);
        var inThePool = TrialScenarios.Courses(twoSites + "  sanctuary_at_diagnosis: { mechanism: brain, share: 1, diameter_mm: { min: 4, max: 8 } }\n");
        var established = TrialScenarios.Courses(twoSites + "  sanctuary_at_diagnosis: { mechanism: metastasis, share: 1, diameter_mm: { min: 4, max: 8 } }\n");

        Assert.All(established, c => Assert.True(c.SanctuaryBaselineMm > 0));
        int Progressed(IReadOnlyList<ClinicalCourse> courses) => courses.Count(c => c.ProgressedInSanctuary);
        // 200 patients each: the pool's lesion grows on through 1% of the drug in most of them (the test above); the
        // established one shrinks with the tumour, so its patients progress in the brain about as often as those without.
        Assert.True(Progressed(inThePool) > Progressed(established) + 50,
            $"progressions in the sanctuary: {Progressed(inThePool)} with the lesion in the pool, {Progressed(established)} established");
        Assert.InRange(Progressed(established), 0, Progressed(withoutLesion) + 20);
        Assert.True(Median(established) > Median(inThePool), $"median PFS {Median(established)} days established, {Median(inThePool)} in the pool");
    }

    private static double Median(IReadOnlyList<ClinicalCourse> courses)
    {
        var days = courses.Select(c => c.PfsDays).Order().ToArray();
        return days[days.Length / 2];
    }

    [Fact]
    public void APatientHasTheSameLesionInEveryArm()
    {
        const string lesion = "{ mechanism: brain, share: 0.5, diameter_mm: { min: 4, max: 8 } }";
        var first = Run(lesion, arm: 0);
        Assert.Equal(first, Run(lesion, arm: 1));   // identical arms and common random numbers: the same courses
        Assert.Contains(first, c => c.SanctuaryBaselineMm > 0);
        Assert.Contains(first, c => c.SanctuaryBaselineMm == 0);
    }

    [Fact]
    public void ALesionPlacedAtDiagnosisCanBeTreatedLocallyInEveryArm()
    {
        // The second arm resumes each patient's history from the first's, and its local therapy changes the clones
        // before the engine begins on the run: the engine must not be told about them while it still holds the state
        // of the worker's previous run (it was, and an index beyond that run's clones failed).
        string yaml = With("{ mechanism: brain, share: 1, diameter_mm: { min: 4, max: 8 } }") + "  sanctuary_local_therapy: { share: 1, surviving_fraction: 0.5 }\n";
        var arms = TrialScenarios.CoursesSharingHistories(yaml);
        Assert.All(arms[0], c => Assert.Equal(1, c.SanctuaryLesionsTreated));
        Assert.Equal(arms[0], arms[1]);
    }

    [Theory]
    [InlineData("{ mechanism: brain, share: 1.5, diameter_mm: { min: 4, max: 8 } }", "share", "1.5")]
    [InlineData("{ mechanism: brain, share: 0.5, diameter_mm: { min: 0, max: 8 } }", "min", "0")]
    [InlineData("{ mechanism: brain, share: 0.5, diameter_mm: { min: 8, max: 4 } }", "max", "4")]
    [InlineData("{ mechanism: liver, share: 0.5, diameter_mm: { min: 4, max: 8 } }", "mechanism", "liver")]
    [InlineData("{ mechanism: brain, share: 0.5 }", "diameter_mm", "")]
    public void AnOutOfRangeOrMissingValueIsALocatedError(string lesion, string key, string value)
    {
        string yaml = With(lesion);
        var error = TrialScenarios.ErrorOnTheLastLine(yaml);
        Assert.Contains(key, error.Message);
        Assert.Contains(value, error.Message);
    }

    [Fact]
    public void WithoutSanctuariesImagedApartItIsALocatedError()
    {
        string yaml = Trial.Replace(", new_lesion_mm: 3", "", StringComparison.Ordinal)
            + "  sanctuary_at_diagnosis: { mechanism: brain, share: 1, diameter_mm: { min: 4, max: 8 } }\n";
        var error = TrialScenarios.ErrorOnTheLastLine(yaml);
        Assert.Contains("sanctuary_at_diagnosis", error.Message);
        Assert.Contains("new_lesion_mm", error.Message);
    }

    [Fact]
    public void TheAgentEngineRefusesIt()
    {
        string yaml = With("{ mechanism: brain, share: 1, diameter_mm: { min: 4, max: 8 } }").Replace("engine: hybrid", "engine: agents", StringComparison.Ordinal);
        Assert.Contains(TrialScenarios.Errors(yaml), e => e.Message.Contains("sanctuary_at_diagnosis", StringComparison.Ordinal) && e.Message.Contains("agent", StringComparison.Ordinal));
    }
}
