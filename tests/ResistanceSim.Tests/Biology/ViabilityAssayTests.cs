using ResistanceSim.Analysis.DoseResponse;
using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Engine.Assays;
using ResistanceSim.Engine.Observation;
using ResistanceSim.Engine.Pharmacodynamics;
using ResistanceSim.Engine.Random;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;
using ResistanceSim.Scenarios;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Biology;

/// <summary>
/// Virtual viability assays: the fitted IC50 of a known population recovers the model's own IC50, a
/// mixed population gives the biphasic curve the mixture predicts, and the H3122 stepwise escalation
/// reproduces the published parental and resistant IC50s (docs/biology.md) within a factor 1.5.
/// </summary>
public class ViabilityAssayTests
{
    private static readonly Scenario H3122 = ScenarioLoader.Load(Repository.Scenario("h3122-stepwise-escalation.yaml")).Scenario;

    private static ViabilityAssay Assay => H3122.Assays[0];

    private static IReadOnlyList<WellReading> Measure(ulong[] genotypes, long[] cells, ulong seed)
    {
        var plating = RandomStreams.ForWorkUnit(seed, 0, 0, 0, RandomStreams.AssayPlatingPurpose);
        return new ViabilityAssayRunner(H3122, Assay).Measure(genotypes, cells, ref plating);
    }

    private static double[] Viabilities(IReadOnlyList<WellReading> wells)
    {
        double vehicle = wells.Where(w => w.ConcentrationNanoMolar == 0).Average(w => (double)w.CellsFinal);
        return wells.Select(w => w.CellsFinal / vehicle).ToArray();
    }

    /// <summary>Expected 72 h growth factor of a genotype at a concentration: exp(T · (b − d)), no growth limit.</summary>
    private static double ExpectedGrowth(ulong genotype, double nanoMolar)
    {
        var model = new SignalModel(H3122);
        var rates = model.Evaluate(genotype, [nanoMolar]);
        return Math.Exp(Assay.DurationDays * (rates.Birth - rates.Death));
    }

    [Fact]
    public void FittedIc50OfAPureParentalPopulationContainsTheModelsIc50()
    {
        var wells = Measure([GenotypeLayout.Parental], [1_000_000], seed: 5);
        var fit = HillCurveFitter.Fit(wells.Select(w => w.ConcentrationNanoMolar).ToArray(), Viabilities(wells));
        Assert.True(fit.HasCurve, fit.Message);

        // The model's IC50 for this design: the same 4-parameter fit on the noise-free expected viabilities
        // exp(T (r(C) − r(0))) at the same wells, so only the noise of the simulated wells separates the two.
        double vehicle = ExpectedGrowth(GenotypeLayout.Parental, 0);
        var expected = HillCurveFitter.Fit(wells.Select(w => w.ConcentrationNanoMolar).ToArray(),
            wells.Select(w => ExpectedGrowth(GenotypeLayout.Parental, w.ConcentrationNanoMolar) / vehicle).ToArray());
        double modelIc50 = expected.Curve!.Value.Ic50;
        Assert.InRange(modelIc50, fit.Ic50Interval.Lower, fit.Ic50Interval.Upper);
        Assert.InRange(modelIc50, 200 / 1.5, 200 * 1.5);   // calibrated to H3122 parental 0.2 µM (docs/biology.md)
    }

    [Fact]
    public void AMixedPopulationGivesTheBiphasicCurveOfTheMixture()
    {
        var layout = H3122.Catalog.Layout;
        ulong resistant = layout.WithAlkCopies(layout.WithAlkMutation(GenotypeLayout.Parental, 0), 2);   // L1196M + 2 ALK copies
        var wells = Measure([GenotypeLayout.Parental, resistant], [500_000, 500_000], seed: 9);
        var viability = Viabilities(wells);
        double vehicle = 0.5 * ExpectedGrowth(GenotypeLayout.Parental, 0) + 0.5 * ExpectedGrowth(resistant, 0);
        foreach (double c in Assay.ConcentrationsNanoMolar)
        {
            double expected = (0.5 * ExpectedGrowth(GenotypeLayout.Parental, c) + 0.5 * ExpectedGrowth(resistant, c)) / vehicle;
            double mean = wells.Select((w, i) => (w, i)).Where(x => x.w.ConcentrationNanoMolar == c).Average(x => viability[x.i]);
            // 3 wells of 5,000 cells: plating sd of the mix ≈ √(0.25/5000) = 0.007 per well; 0.05 is > 4.5 σ of the mean with growth noise.
            Assert.InRange(mean, expected - 0.05, expected + 0.05);
        }
        // Biphasic: a plateau near the resistant share (~ 0.4–0.6) between the two drops.
        double Mean(int index) => viability.Where((_, i) => wells[i].ConcentrationNanoMolar == Assay.ConcentrationsNanoMolar[index]).Average();
        Assert.InRange(Mean(4), 0.3, 0.65);   // ~1 µM: parental cells gone, resistant cells growing
        Assert.True(Mean(1) > 0.9 && Mean(8) < 0.1);   // ~32 nM: everything grows; 100 µM: nothing does
    }

    [Fact]
    public void H3122StepwiseEscalationReproducesThePublishedParentalAndResistantIc50()
    {
        // One replicate (seed 2013 of the scenario) through the engine and the table recorder, fitted by ResistanceSim.Analysis.
        var run = new SimulationRun(H3122);
        var result = new WorkUnitResult(H3122.Catalog.All.Count, H3122.DrugList.Count);
        Simulator.Run(run, Algorithms.Get(H3122.Engine.Engine).Create(), new WorkUnit(0, 0, 0), new TableRecorder(result));
        var days = result.AssayDay.Span.ToArray();
        var concentration = result.AssayConcentration.Span.ToArray();
        var viability = result.AssayViability.Span.ToArray();
        double Ic50At(double day)
        {
            var rows = Enumerable.Range(0, days.Length).Where(i => days[i] == day).ToArray();
            var fit = HillCurveFitter.Fit(rows.Select(i => concentration[i]).ToArray(), rows.Select(i => viability[i]).ToArray());
            Assert.True(fit.HasCurve, fit.Message);
            return fit.Curve!.Value.Ic50;
        }
        Assert.InRange(Ic50At(0), 200 / 1.5, 200 * 1.5);          // H3122 parental 0.2 µM (docs/biology.md)
        Assert.InRange(Ic50At(240), 13_500 / 1.5, 13_500 * 1.5);  // H3122 resistant 13.5 µM (docs/biology.md)
    }
}
