using ResistanceSim.Engine.Observation;
using ResistanceSim.Engine.State;
using ResistanceSim.Model;

namespace ResistanceSim.Tests.Engine;

/// <summary>What a rebiopsy at progression reports when part of the tumour grows in a sanctuary.</summary>
public class ProgressionBiopsyTests
{
    private static readonly AlkKinaseMutation Mutation = new("ALK_X", 0, 0, new Dictionary<string, double>());
    private static readonly Sanctuary Brain = new("CNS", 0, 0);
    private static readonly MechanismCatalog Catalog = new([Mutation, Brain], 1);
    private const ulong MutationBit = 1UL << 0, BrainBit = 1UL << 1;

    private static ulong Seen(params (bool Mutant, bool InBrain, long Cells)[] clones)
    {
        var layout = Catalog.Layout;
        var state = new CloneState();
        int id = 0;
        foreach (var (mutant, inBrain, cells) in clones)
        {
            ulong genotype = GenotypeLayout.Parental;
            if (mutant) genotype = layout.WithAlkMutation(genotype, 0);
            if (inBrain) genotype = layout.WithOther(genotype, 0);
            state.Add(genotype, id, id, cells);
            id++;
        }
        return ProgressionBiopsy.MechanismsSeen(Catalog, state, share: 0.1);
    }

    [Fact]
    public void AMutationIsJudgedAmongTheCellsOutsideTheSanctuaryAndTheSanctuaryAmongAll()
    {
        // 30 of the 130 systemic cells carry the mutation (23%), though only 3% of all cells do.
        Assert.Equal(MutationBit | BrainBit, Seen((false, false, 100), (true, false, 30), (false, true, 1000)));
    }

    [Fact]
    public void AMutationGrowingOnlyInTheSanctuaryIsNotWhatASystemicBiopsySees()
    {
        Assert.Equal(BrainBit, Seen((false, false, 10), (true, true, 500), (false, true, 500)));
    }

    [Fact]
    public void WhenEveryCellIsInTheSanctuaryAllCellsAreTheSample()
    {
        Assert.Equal(BrainBit, Seen((true, true, 50), (false, true, 950)));                  // 5% < 10%
        Assert.Equal(MutationBit | BrainBit, Seen((true, true, 200), (false, true, 800)));    // 20%
    }

    [Fact]
    public void WithoutASanctuaryEveryMechanismIsJudgedAmongAllCells()
    {
        Assert.Equal(MutationBit, Seen((false, false, 900), (true, false, 100)));
        Assert.Equal(0UL, Seen((false, false, 950), (true, false, 49)));
    }
}
