using ResistanceSim.Engine.Observation;
using ResistanceSim.Model;

namespace ResistanceSim.Tests.Engine;

/// <summary>
/// A cell is in a sanctuary when its genotype carries any sanctuary mechanism; the catalog answers that with one mask
/// (<see cref="MechanismCatalog.SanctuaryBits"/>), which must agree with asking each mechanism in turn.
/// </summary>
public class SanctuaryBitsTests
{
    [Fact]
    public void TheMaskAgreesWithEachMechanismAskedInTurnForEveryGenotype()
    {
        var catalog = new MechanismCatalog(
        [
            new AlkKinaseMutation("ALK_X", 0, 0, new Dictionary<string, double>()),
            new Sanctuary("brain", 0, 1e-4) { Lesions = 2 },
            new PathwayActivation("EGFR", 0, 0, Pathway.Egfr, 1),
            new Sanctuary("leptomeninges", 0, 1e-5),
            new AlkAmplification("ALK_amp", 0, 0, 1, 3),
            new FitnessMutation("passenger", 0, 0),
        ], 1);

        int checkedGenotypes = 0, inSanctuary = 0;
        for (ulong genotype = 0; genotype < 1UL << 12; genotype++)
        {
            bool carriesOne = Enumerable.Range(0, catalog.All.Count)
                .Any(m => catalog.All[m] is Sanctuary && catalog.Carries(genotype, m));
            Assert.Equal(carriesOne, SanctuaryBurden.InSanctuary(catalog, genotype));
            checkedGenotypes++;
            if (carriesOne) inSanctuary++;
        }
        // Both sanctuaries' bits lie within the 12 bits enumerated: three quarters of the genotypes carry one or both.
        Assert.Equal(3 * checkedGenotypes / 4, inSanctuary);
    }

    [Fact]
    public void ACatalogWithoutSanctuariesHasNoBits()
    {
        var catalog = new MechanismCatalog([new PathwayActivation("EGFR", 0, 0, Pathway.Egfr, 1)], 0);
        Assert.Equal(0UL, catalog.SanctuaryBits);
        Assert.False(SanctuaryBurden.InSanctuary(catalog, ulong.MaxValue));
    }
}
