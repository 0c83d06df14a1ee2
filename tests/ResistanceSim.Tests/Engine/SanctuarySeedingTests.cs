using ResistanceSim.Engine.Genetics;
using ResistanceSim.Engine.Observation;
using ResistanceSim.Model;

namespace ResistanceSim.Tests.Engine;

/// <summary>
/// A cell is in one place: a cell outside every sanctuary may seed any of them, but a cell already in one (a brain
/// metastasis placed at diagnosis, say) never acquires a second, whose exposure folds would multiply with the first's.
/// </summary>
public class SanctuarySeedingTests
{
    private static readonly MechanismCatalog Catalog = new(
    [
        new Sanctuary("brain", 0, 1e-4),
        new PathwayActivation("EGFR", 0, 2e-4, Pathway.Egfr, 1),
        new Sanctuary("established_metastasis", 0, 3e-4),
    ], 0);

    private static readonly MutationTable PerDivision = new(Catalog, m => m.ProbabilityPerDivision, isProbability: true);

    private static ulong Genotype(params string[] names) =>
        names.Aggregate(0UL, (genotype, name) => Catalog.Layout.WithOther(genotype, Catalog.OtherHeritable.ToList().FindIndex(m => m.Name == name)));

    [Fact]
    public void ACellOutsideEverySanctuaryMaySeedEither()
    {
        Assert.Equal(1e-4 + 2e-4 + 3e-4, PerDivision.Total(0), 15);
        var outcomes = new List<(ulong Genotype, double Weight)>();
        PerDivision.Outcomes(0, outcomes);
        Assert.Equal([Genotype("brain"), Genotype("EGFR"), Genotype("established_metastasis")], outcomes.Select(o => o.Genotype));
    }

    [Theory]
    [InlineData("brain", 2e-4)]
    [InlineData("established_metastasis", 2e-4)]
    public void ACellInOneSanctuaryAcquiresEverythingButAnother(string site, double expectedTotal)
    {
        ulong genotype = Genotype(site);
        Assert.Equal(expectedTotal, PerDivision.Total(genotype), 15);
        var outcomes = new List<(ulong Genotype, double Weight)>();
        PerDivision.Outcomes(genotype, outcomes);
        Assert.Equal([Genotype(site, "EGFR")], outcomes.Select(o => o.Genotype));
        // Any target in [0, Total) lands on the one mechanism left, never on the other site.
        foreach (double target in new[] { 0.0, 1e-4, expectedTotal * (1 - 1e-12) })
            Assert.Equal(Genotype(site, "EGFR"), PerDivision.Mutate(genotype, target));
    }

    [Fact]
    public void NoAcquisitionPutsACellInTwoSanctuaries()
    {
        // Every genotype of the three bits the engine can reach from the wild type by acquisitions.
        var reached = new HashSet<ulong> { 0 };
        var frontier = new Queue<ulong>([0UL]);
        var outcomes = new List<(ulong Genotype, double Weight)>();
        while (frontier.TryDequeue(out ulong genotype))
        {
            PerDivision.Outcomes(genotype, outcomes);
            foreach (var (child, _) in outcomes)
                if (reached.Add(child)) frontier.Enqueue(child);
        }
        Assert.Equal(6, reached.Count);   // none, EGFR, each site, each site with EGFR: of the 8, not the two in both sites
        Assert.All(reached, g => Assert.False(g == (g | Genotype("brain", "established_metastasis")), $"genotype {g} is in both sites"));
        Assert.Contains(reached, g => SanctuaryBurden.InSanctuary(Catalog, g));
    }
}
