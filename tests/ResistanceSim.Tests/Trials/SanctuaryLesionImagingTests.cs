using ResistanceSim.Engine.Observation;
using ResistanceSim.Engine.Running;
using ResistanceSim.Engine.State;
using ResistanceSim.Model;
using ResistanceSim.Model.Clinical;

namespace ResistanceSim.Tests.Trials;

/// <summary>
/// Sanctuary metastases followed one by one (<c>lesions:</c> on a sanctuary): each seen lesion keeps its own nadir, a
/// lesion unseen at baseline that becomes visible is new whatever the others do, and the pool of later seeds is not a
/// lesion of its own but part of the rest of the tumour's burden.
/// </summary>
public class SanctuaryLesionImagingTests
{
    // At 1e9 cells per cm³ a 5 mm sphere holds π/6 · 0.125 cm³ ≈ 6.54e7 cells; 1e9 cells are 12.4 mm across.
    private const double FiveMillimetreLesionCells = 6.545e7;

    private static ResponseTracker Tracker()
    {
        var tracker = new ResponseTracker();
        tracker.Reset(new RecistProgression(TumourImaging.Default with { Lesions = 3, NewLesionMm = 5 }));
        return tracker;
    }

    [Fact]
    public void ASecondLesionBecomingVisibleIsNewWhileTheFirstShrinks()
    {
        var tracker = Tracker();
        tracker.Observe(0, 1e10, [1e9, 1e6]);
        tracker.Observe(42, 3e9, [3e8, FiveMillimetreLesionCells * 0.99]);
        Assert.False(tracker.Progressed);
        // Together the two hold fewer cells than the first alone did at baseline: one aggregated lesion would shrink.
        tracker.Observe(84, 3e9, [3e8, FiveMillimetreLesionCells * 1.01]);
        Assert.True(tracker.Progressed);
        Assert.Equal(84, tracker.NewLesionDay);
    }

    [Fact]
    public void OneKnownLesionGrowingByTheThresholdsIsProgressionThoughTheSiteAsAWholeIsNot()
    {
        var tracker = Tracker();
        tracker.Observe(0, 1e10, [1e9, 1e9]);
        // 12.41 → 17.49 mm is 20% and 5 mm; the site's 2e9 → 2.9e9 cells as one sphere is 15.6 → 17.7 mm (+13%).
        tracker.Observe(42, 1e10, [2.8e9, 1e8]);
        Assert.True(tracker.Progressed);
        Assert.Equal(42, tracker.SanctuaryProgressionDay);
        Assert.True(double.IsNaN(tracker.NewLesionDay));
        var aggregated = Tracker();
        aggregated.Observe(0, 1e10, 2e9);
        aggregated.Observe(42, 1e10, 2.9e9);
        Assert.False(aggregated.Progressed);
    }

    [Fact]
    public void TheBaselineSanctuaryDiameterIsTheLargestLesions()
    {
        var tracker = Tracker();
        tracker.Observe(0, 1e10, [1e8, 1e9, 1e6]);
        Assert.Equal((TumourImaging.Default with { NewLesionMm = 5 }).SanctuaryLesionMm(1e9), tracker.BaselineSanctuaryMm, 12);
    }

    [Fact]
    public void TheCensusImagesEachFollowedLesionAndCountsThePoolApart()
    {
        var brain = new Sanctuary("brain", 0, 1e-4) { Lesions = 3 };
        var mutation = new AlkKinaseMutation("ALK_X", 0, 0, new Dictionary<string, double>());
        var catalog = new MechanismCatalog([mutation, brain], 1);
        var layout = catalog.Layout;
        ulong inBrain = layout.WithOther(GenotypeLayout.Parental, 0);
        var clones = new CloneState();
        clones.Add(GenotypeLayout.Parental, 0, 0, 1000);                                          // the body
        clones.Add(layout.WithLesion(inBrain, 2), 1, 1, 30);                                     // lesion 2
        clones.Add(layout.WithLesion(layout.WithAlkMutation(inBrain, 0), 2), 2, 2, 5);           // a mutant in lesion 2
        clones.Add(layout.WithLesion(inBrain, 3), 3, 3, 7);                                      // lesion 3
        clones.Add(inBrain, 4, 4, 100);                                                          // the pool
        clones.Add(layout.WithLesion(layout.WithAlkMutation(inBrain, 0), 5), 5, 5, 11);          // a mutant born in the pool
        var lesions = new double[SanctuaryBurden.ImagedLesions(catalog)];
        Assert.Equal(6, lesions.Length);   // three followed seeds, three metastases founded in the pool
        Assert.Equal(100, SanctuaryBurden.Census(catalog, clones, lesions));
        Assert.Equal([0, 35, 7, 0, 11, 0], lesions);

        var aggregated = new MechanismCatalog([mutation, new Sanctuary("brain", 0, 1e-4)], 1);
        var one = new double[SanctuaryBurden.ImagedLesions(aggregated)];
        var sameCells = new CloneState();
        sameCells.Add(GenotypeLayout.Parental, 0, 0, 1000);
        sameCells.Add(aggregated.Layout.WithOther(GenotypeLayout.Parental, 0), 1, 1, 142);
        Assert.Equal(0, SanctuaryBurden.Census(aggregated, sameCells, one));
        Assert.Equal([142], one);
    }

    [Fact]
    public void EachSanctuarySiteIsImagedApartAfterTheFollowedLesions()
    {
        // Two sites that do not follow their lesions (the micro-metastases' and an established metastasis') beside one
        // that does: a scan sees the followed lesions first, then each other site as one lesion of its own, so a site
        // growing is seen while the other shrinks.
        var followed = new Sanctuary("leptomeninges", 0, 1e-4) { Lesions = 1 };
        var catalog = new MechanismCatalog(
            [new Sanctuary("brain", 0, 1e-4), new PathwayActivation("EGFR", 0, 0, Pathway.Egfr, 1), followed, new Sanctuary("metastasis", 0, 0)], 0);
        var layout = catalog.Layout;
        ulong brain = layout.WithOther(GenotypeLayout.Parental, 0), metastasis = layout.WithOther(GenotypeLayout.Parental, 3);
        ulong leptomeninges = layout.WithOther(GenotypeLayout.Parental, 2);
        var clones = new CloneState();
        clones.Add(GenotypeLayout.Parental, 0, 0, 1000);                          // the body
        clones.Add(brain, 1, 1, 40);
        clones.Add(layout.WithOther(brain, 1), 2, 2, 2);                           // an EGFR mutant of the brain's site
        clones.Add(metastasis, 3, 3, 300);
        clones.Add(layout.WithLesion(leptomeninges, 1), 4, 4, 9);                  // the followed site's first lesion
        clones.Add(leptomeninges, 5, 5, 70);                                       // its pool
        var lesions = new double[SanctuaryBurden.ImagedLesions(catalog)];
        Assert.Equal(4, lesions.Length);   // two numbers of the followed site, then the two whole sites
        Assert.Equal(70, SanctuaryBurden.Census(catalog, clones, lesions));
        Assert.Equal([9, 0, 42, 300], lesions);
        Assert.Equal(SanctuaryBurden.OutsideSanctuary, SanctuaryBurden.LesionOf(catalog, layout.WithOther(GenotypeLayout.Parental, 1)));
    }

    [Fact]
    public void AScanSeesThePoolNowhereWhileALesionIsLeftAndInTheSumWhenNoneIs()
    {
        var brain = new Sanctuary("brain", 0, 1e-4) { Lesions = 2 };
        var catalog = new MechanismCatalog([brain], 1);
        var layout = catalog.Layout;
        ulong inBrain = layout.WithOther(GenotypeLayout.Parental, 0);
        var lesions = new double[SanctuaryBurden.ImagedLesions(catalog)];

        var withLesion = new CloneState();
        withLesion.Add(GenotypeLayout.Parental, 0, 0, 1000);
        withLesion.Add(inBrain, 1, 1, 400);                              // the pool
        withLesion.Add(layout.WithLesion(inBrain, 1), 2, 2, 3);          // one followed lesion, small
        Assert.Equal(400, SanctuaryBurden.UnseenByScan(catalog, withLesion, lesions));

        var poolAlone = new CloneState();
        poolAlone.Add(GenotypeLayout.Parental, 0, 0, 1000);
        poolAlone.Add(inBrain, 1, 1, 400);
        poolAlone.Add(layout.WithLesion(inBrain, 1), 2, 2, 0);           // every followed lesion gone
        Assert.Equal(0, SanctuaryBurden.UnseenByScan(catalog, poolAlone, lesions));
    }
}
