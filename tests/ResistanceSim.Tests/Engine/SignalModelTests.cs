using ResistanceSim.Engine.Pharmacodynamics;
using ResistanceSim.Model;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Engine;

/// <summary>The pathway signal model's algebra (docs/biology.md).</summary>
public class SignalModelTests
{
    [Fact]
    public void HillEffectIsHalfAtIc50AndMonotone()
    {
        Assert.Equal(0.5, Hill.Effect(24, 24, 1), 12);
        Assert.Equal(0.5, Hill.Effect(24, 24, 3), 12);
        Assert.Equal(0, Hill.Effect(0, 24, 1));
        Assert.Equal(100.0 / 124, Hill.Effect(100, 24, 1), 12);
        Assert.True(Hill.Effect(1e12, 1e-3, 2) <= 1);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(2.0)]
    [InlineData(2.5)]
    [InlineData(0.7)]
    public void EverySlopeGivesTheHillFormulaWithinRounding(double hill)
    {
        // Slopes 1 and 2 are computed by multiplication, others by Math.Pow: all must be the same curve.
        var random = new System.Random(7);
        for (int k = 0; k < 1000; k++)
        {
            double c = Math.Exp(random.NextDouble() * 20 - 10), ic50 = Math.Exp(random.NextDouble() * 10 - 5);
            double s = random.NextDouble() * 3, half = random.NextDouble() * 0.9 + 0.01;
            Assert.Equal(1.0 / (1.0 + Math.Pow(ic50 / c, hill)), Hill.Effect(c, ic50, hill), 1e-14);
            double kg = Math.Pow(half, hill), sg = Math.Pow(s, hill);
            Assert.Equal(Math.Min((1 + kg) * sg / (sg + kg), 1), Hill.GrowthFactor(s, half, hill), 1e-14);
        }
    }

    [Fact]
    public void BlissCombinesIndependentInhibitions()
    {
        Assert.Equal(1 - 0.5 * 0.4, Hill.BlissCombine(0.5, 0.6), 12);
        Assert.Equal(0.3, Hill.BlissCombine(0, 0.3), 12);
    }

    [Fact]
    public void GrowthFactorIsOneAtParentalSignalAndZeroWithout()
    {
        Assert.Equal(1.0, Hill.GrowthFactor(1.0, 0.3, 2), 14);
        Assert.Equal(0.0, Hill.GrowthFactor(0, 0.3, 2));
        double k = 0.3, g = 2, kg = Math.Pow(k, g);
        Assert.Equal((1 + kg) / 2, Hill.GrowthFactor(k, k, g), 12);   // half of the maximum 1 + K^γ at S = K
    }

    private static Scenario WithCatalog(params Mechanism[] mechanisms) =>
        TestScenarios.BypassUnderTreatment(false, EngineKind.Exact) with { Catalog = new MechanismCatalog(mechanisms, 2) };

    [Fact]
    public void ParentalCellsWithoutDrugDivideAtB0AndDieAtD0()
    {
        var scenario = WithCatalog();
        var rates = new SignalModel(scenario).Evaluate(GenotypeLayout.Parental, [0.0]);
        Assert.Equal(scenario.Population.BirthPerDay, rates.Birth, 12);
        Assert.Equal(scenario.Population.DeathPerDay, rates.Death, 12);
    }

    [Fact]
    public void AModelMeetingMoreGenotypesThanItKeepsGivesTheSameRates()
    {
        // 18 bypasses of differing activity and cost and two kinase mutations: 2^20 genotypes, more than GenotypeTerms keeps.
        var mechanisms = new List<Mechanism>
        {
            new AlkKinaseMutation("A", 0.01, 0, new Dictionary<string, double> { ["crizotinib"] = 10 }),
            new AlkKinaseMutation("B", 0.02, 0, new Dictionary<string, double> { ["crizotinib"] = 3 }),
        };
        for (int i = 0; i < 18; i++)
            mechanisms.Add(TestScenarios.EgfrBypass with { Name = $"BYPASS{i}", Activity = 0.05 * (i + 1), FitnessCost = 0.001 * i });
        var scenario = WithCatalog([.. mechanisms]);
        var layout = scenario.Catalog.Layout;
        ulong GenotypeNumber(int k)
        {
            ulong genotype = GenotypeLayout.Parental;
            if ((k & 1) != 0) genotype = layout.WithAlkMutation(genotype, 0);
            for (int i = 0; i < 18; i++)
                if ((k >> (i + 1) & 1) != 0) genotype = layout.WithOther(genotype, i);
            return genotype;
        }

        var reused = new SignalModel(scenario);
        int genotypes = GenotypeTerms.MaxKept + 5_000;
        double[] level = [300.0];
        for (int k = 0; k < genotypes; k++) reused.Evaluate(GenotypeNumber(k), level);
        Assert.True(reused.KeptGenotypes <= GenotypeTerms.MaxKept, $"{reused.KeptGenotypes} genotypes kept");

        // Genotypes forgotten, kept and met again, at the level held and at another: the rates of a fresh model, bit for bit.
        foreach (double concentration in new[] { 300.0, 30.0 })
            foreach (int k in new[] { 0, 1, 777, GenotypeTerms.MaxKept - 1, GenotypeTerms.MaxKept + 1, genotypes - 1 })
                Assert.Equal(new SignalModel(scenario).Evaluate(GenotypeNumber(k), [concentration]), reused.Evaluate(GenotypeNumber(k), [concentration]));
    }

    [Fact]
    public void KinaseMutationFoldChangesMultiplyTheIc50AndCompound()
    {
        var a = new AlkKinaseMutation("A", 0, 0, new Dictionary<string, double> { ["crizotinib"] = 10 });
        var b = new AlkKinaseMutation("B", 0, 0, new Dictionary<string, double> { ["crizotinib"] = 3 });
        var scenario = WithCatalog(a, b);
        var model = new SignalModel(scenario);
        var layout = scenario.Catalog.Layout;
        ulong single = layout.WithAlkMutation(GenotypeLayout.Parental, 0);
        ulong compound = layout.WithAlkMutation(single, 1);
        double c = 300;
        Assert.Equal(Hill.Effect(c, 24, 1), model.Evaluate(GenotypeLayout.Parental, [c]).AlkInhibition, 12);
        Assert.Equal(Hill.Effect(c, 240, 1), model.Evaluate(single, [c]).AlkInhibition, 12);
        Assert.Equal(Hill.Effect(c, 720, 1), model.Evaluate(compound, [c]).AlkInhibition, 12);
    }

    [Fact]
    public void AmplificationRaisesTheResidualSignalInProportionToCopies()
    {
        var amp = new AlkAmplification("AMP", 0, 0, 1, 4);
        var scenario = WithCatalog(amp);
        var model = new SignalModel(scenario);
        ulong three = scenario.Catalog.Layout.WithAlkCopies(GenotypeLayout.Parental, 3);
        double c = 300, residual = 1 - Hill.Effect(c, 24, 1);
        Assert.Equal(residual, model.Evaluate(GenotypeLayout.Parental, [c]).Signal, 12);
        Assert.Equal(3 * residual, model.Evaluate(three, [c]).Signal, 12);
        Assert.True(model.Evaluate(three, [c]).Birth > model.Evaluate(GenotypeLayout.Parental, [c]).Birth);
    }

    [Fact]
    public void BypassSignalIsNotTouchedByAlkInhibitors()
    {
        var scenario = WithCatalog(TestScenarios.EgfrBypass);
        var model = new SignalModel(scenario);
        ulong bypass = scenario.Catalog.Layout.WithOther(GenotypeLayout.Parental, 0);
        double c = 300, residual = 1 - Hill.Effect(c, 24, 1);
        Assert.Equal(residual + 0.8, model.Evaluate(bypass, [c]).Signal, 12);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.4)]
    [InlineData(1.0)]
    public void AnAlkDependentBypassScalesThatShareOfItsSignalByTheUninhibitedAlkFraction(double theta)
    {
        var scenario = WithCatalog(TestScenarios.EgfrBypass with { AlkDependence = theta });
        var model = new SignalModel(scenario);
        ulong bypass = scenario.Catalog.Layout.WithOther(GenotypeLayout.Parental, 0);
        foreach (double c in new[] { 0.0, 30, 300, 3e6 })
        {
            double residual = 1 - Hill.Effect(c, 24, 1);
            Assert.Equal(residual + 0.8 * (1 - theta + theta * residual), model.Evaluate(bypass, [c]).Signal, 12);
        }
    }

    [Fact]
    public void AFullyAlkDependentBypassEscapesAWeakAlkInhibitorButNotAPotentOne()
    {
        var coupled = WithCatalog(TestScenarios.EgfrBypass with { AlkDependence = 1, Activity = 2 });
        var model = new SignalModel(coupled);
        ulong bypass = coupled.Catalog.Layout.WithOther(GenotypeLayout.Parental, 0);
        double weak = 72, potent = 2400;   // 3 and 100 times the ALK IC50: 25% and 1% of ALK left
        double leftWeak = 1 - Hill.Effect(weak, 24, 1), leftPotent = 1 - Hill.Effect(potent, 24, 1);
        Assert.Equal(3 * leftWeak, model.Evaluate(bypass, [weak]).Signal, 12);
        Assert.Equal(3 * leftPotent, model.Evaluate(bypass, [potent]).Signal, 12);
        // Under the weak dose the bypass clone divides nearly as without drug (signal 0.75, K 0.3); under the potent
        // one it does not escape: its signal (0.03) is below the parental clone's under the weak dose (0.25).
        double b0 = coupled.Population.BirthPerDay;
        Assert.True(model.Evaluate(bypass, [weak]).Birth > 0.8 * b0);
        Assert.True(model.Evaluate(bypass, [potent]).Birth < model.Evaluate(GenotypeLayout.Parental, [weak]).Birth);
        Assert.True(model.Evaluate(bypass, [potent]).Birth < 0.05 * b0);
    }

    [Fact]
    public void AutophagyProtectsFromDrugDeathOnly()
    {
        var autophagy = new PhenotypeState("AUTO", MechanismFamilies.Autophagy, 0, 0, 0, 0, 0, [], 0.75);
        var scenario = WithCatalog(autophagy);
        var model = new SignalModel(scenario);
        ulong protectedCell = scenario.Catalog.Layout.WithPhenotype(GenotypeLayout.Parental, 0, true);
        var plain = model.Evaluate(GenotypeLayout.Parental, [300.0]);
        var shielded = model.Evaluate(protectedCell, [300.0]);
        double d0 = scenario.Population.DeathPerDay;
        Assert.Equal((plain.Death - d0) * 0.25, shielded.Death - d0, 12);
    }

    [Fact]
    public void FitnessCostsMultiplyBirth()
    {
        var scenario = WithCatalog(new FitnessMutation("F", 0.2, 0), TestScenarios.EgfrBypass with { FitnessCost = 0.5 });
        var model = new SignalModel(scenario);
        var layout = scenario.Catalog.Layout;
        ulong both = layout.WithOther(layout.WithOther(GenotypeLayout.Parental, 0), 1);
        double expectedPhi = Hill.GrowthFactor(1.8, 0.3, 2);
        Assert.Equal(scenario.Population.BirthPerDay * 0.8 * 0.5 * expectedPhi, model.Evaluate(both, [0.0]).Birth, 12);
    }

    [Fact]
    public void SignalAboveParentalSaturatesUnlessHyperactivationIsOptedIn()
    {
        Assert.Equal(1.0, Hill.GrowthFactor(1.8, 0.3, 2), 14);                       // default: no advantage above parental
        double k = 0.3, g = 2, kg = Math.Pow(k, g), f = (1 + kg) * Math.Pow(1.8, g) / (Math.Pow(1.8, g) + kg);
        Assert.Equal(f, Hill.GrowthFactor(1.8, k, g, hyperactivationGain: 1), 12);    // the full Hill curve
        Assert.Equal(1 + 0.5 * (f - 1), Hill.GrowthFactor(1.8, k, g, hyperactivationGain: 0.5), 12);
        Assert.Equal(Hill.GrowthFactor(0.2, k, g), Hill.GrowthFactor(0.2, k, g, hyperactivationGain: 1), 14);   // below parental: unchanged
    }

    [Fact]
    public void ABypassCloneWithoutDrugCarriesItsCostInsteadOfOutgrowingParentalCells()
    {
        var scenario = WithCatalog(TestScenarios.EgfrBypass with { FitnessCost = 0.05 });
        var model = new SignalModel(scenario);
        ulong bypass = scenario.Catalog.Layout.WithOther(GenotypeLayout.Parental, 0);
        Assert.True(model.Evaluate(bypass, [0.0]).Birth < model.Evaluate(GenotypeLayout.Parental, [0.0]).Birth);
    }

    private static Scenario WithDrugs(Scenario s, params Drug[] drugs) =>
        new(s.Name, s.Description, s.Seed, s.Replicates, s.Engine, s.Population, s.Catalog,
            drugs.ToDictionary(d => d.Name, StringComparer.Ordinal), s.Protocol, s.Sampling, s.Stop);

    private static Drug Targeted(DrugAction action) =>
        new("tki", [new DrugTarget(Pathway.Alk, 10, 1)], 1, true, null, InVitroPk.Stable) { Action = action };

    [Fact]
    public void ADeathOnlyDrugLeavesBirthAloneAndRaisesDeathByTheLostSignal()
    {
        var baseScenario = WithCatalog();
        var deathOnly = new SignalModel(WithDrugs(baseScenario, Targeted(new DrugAction(0, 1)))).Evaluate(GenotypeLayout.Parental, [1e6]);
        var population = baseScenario.Population;
        Assert.Equal(population.BirthPerDay, deathOnly.Birth, 12);
        double phi = Hill.GrowthFactor(1 - Hill.Effect(1e6, 10, 1), population.Signal.HalfMaximalSignal, population.Signal.Hill);
        Assert.Equal(population.DeathPerDay + population.DrugDeathPerDay * (1 - phi), deathOnly.Death, 12);
    }

    [Fact]
    public void ABirthOnlyDrugLowersBirthAndLeavesDeathAlone()
    {
        var baseScenario = WithCatalog();
        var birthOnly = new SignalModel(WithDrugs(baseScenario, Targeted(new DrugAction(1, 0)))).Evaluate(GenotypeLayout.Parental, [100.0]);
        var both = new SignalModel(WithDrugs(baseScenario, Targeted(DrugAction.BirthAndDeath))).Evaluate(GenotypeLayout.Parental, [100.0]);
        Assert.Equal(baseScenario.Population.DeathPerDay, birthOnly.Death, 12);
        Assert.Equal(both.Birth, birthOnly.Birth, 12);
        Assert.True(both.Death > birthOnly.Death);
    }

    [Fact]
    public void KillFoldChangesOfCarriedMechanismsAndStatesScaleOnlyTheDrugsTheyName()
    {
        var chemo = new Drug("docetaxel", [], 1, false, new CytotoxicKill(0.8, 100, 1), InVitroPk.Stable);
        var other = new Drug("pemetrexed", [], 1, false, new CytotoxicKill(0.5, 100, 1), InVitroPk.Stable);
        var efflux = new ChemoResistance("ABCB1", 0, 0) { KillFoldChangeByDrug = new Dictionary<string, double> { ["docetaxel"] = 0.1 } };
        var tolerant = new PhenotypeState("tolerant", MechanismFamilies.Emt, 0, 0, 0, 0, 0, [], 0)
        {
            KillFoldChangeByDrug = new Dictionary<string, double> { ["docetaxel"] = 0.5 },
        };
        var scenario = WithDrugs(WithCatalog(efflux, tolerant), chemo, other);
        var model = new SignalModel(scenario);
        var layout = scenario.Catalog.Layout;
        ulong resistant = layout.WithOther(GenotypeLayout.Parental, 0);
        ulong both = layout.WithPhenotype(resistant, 0, true);
        double d0 = scenario.Population.DeathPerDay;
        double h = Hill.Effect(100, 100, 1);
        double[] docetaxelOnly = scenario.DrugList[0].Name == "docetaxel" ? [100.0, 0] : [0, 100.0];
        double[] pemetrexedOnly = [docetaxelOnly[1], docetaxelOnly[0]];
        Assert.Equal(0.8 * h, model.Evaluate(GenotypeLayout.Parental, docetaxelOnly).Death - d0, 12);
        Assert.Equal(0.08 * h, model.Evaluate(resistant, docetaxelOnly).Death - d0, 12);
        Assert.Equal(0.04 * h, model.Evaluate(both, docetaxelOnly).Death - d0, 12);     // folds multiply
        Assert.Equal(0.5 * h, model.Evaluate(both, pemetrexedOnly).Death - d0, 12);     // pemetrexed is not named
    }

    [Fact]
    public void ASanctuarySeesEachNamedDrugAtItsExposureFoldOnEveryTargetAndOnTheKill()
    {
        var tki = new Drug("tki", [new DrugTarget(Pathway.Alk, 10, 1), new DrugTarget(Pathway.Met, 40, 1)], 0.5, true,
            new CytotoxicKill(0.3, 50, 1), InVitroPk.Stable);
        var chemo = new Drug("docetaxel", [], 1, false, new CytotoxicKill(0.8, 100, 1), InVitroPk.Stable);
        var brain = new Sanctuary("CNS", 0, 0) { ExposureFoldChangeByDrug = new Dictionary<string, double> { ["tki"] = 0.03 } };
        var met = new PathwayActivation("MET", 0, 0, Pathway.Met, 0.5);
        var scenario = WithDrugs(WithCatalog(brain, met), tki, chemo);
        var model = new SignalModel(scenario);
        var layout = scenario.Catalog.Layout;
        ulong metOnly = layout.WithOther(GenotypeLayout.Parental, 1);
        ulong metInSanctuary = layout.WithOther(metOnly, 0);
        int t = scenario.DrugList[0].Name == "tki" ? 0 : 1;
        double[] Doses(double tkiNanoMolar, double docetaxelNanoMolar) =>
            t == 0 ? [tkiNanoMolar, docetaxelNanoMolar] : [docetaxelNanoMolar, tkiNanoMolar];

        var inSanctuary = model.Evaluate(metInSanctuary, Doses(600, 200));
        var atTheSiteLevel = model.Evaluate(metOnly, Doses(600 * 0.03, 200));   // docetaxel is not named: full level
        Assert.Equal(atTheSiteLevel.Signal, inSanctuary.Signal, 12);            // ALK and MET inhibition both scaled
        Assert.Equal(atTheSiteLevel.Birth, inSanctuary.Birth, 12);
        Assert.Equal(atTheSiteLevel.Death, inSanctuary.Death, 12);              // the tki's kill scaled, docetaxel's not
        Assert.Equal(atTheSiteLevel.AlkInhibition, inSanctuary.AlkInhibition, 12);
        Assert.True(inSanctuary.Signal > model.Evaluate(metOnly, Doses(600, 200)).Signal);
    }

    private static Scenario WithAlkIndependentShare(Scenario scenario, double share) =>
        scenario with { Population = scenario.Population with { Signal = scenario.Population.Signal with { AlkIndependentShare = share } } };

    [Fact]
    public void AnAlkIndependentShareLeavesUntreatedCellsAloneAndFloorsTheSignalUnderAnyAlkInhibitor()
    {
        var amp = new AlkAmplification("AMP", 0, 0, 1, 4);
        var scenario = WithCatalog(amp);
        var addicted = new SignalModel(scenario);
        var partlyIndependent = new SignalModel(WithAlkIndependentShare(scenario, 0.4));
        ulong twoCopies = scenario.Catalog.Layout.WithAlkCopies(GenotypeLayout.Parental, 2);

        var untreated = partlyIndependent.Evaluate(GenotypeLayout.Parental, [0.0]);
        Assert.Equal(1.0, untreated.Signal, 14);
        Assert.Equal(addicted.Evaluate(GenotypeLayout.Parental, [0.0]).Birth, untreated.Birth, 14);

        double c = 300, residual = 1 - Hill.Effect(c, 24, 1);
        Assert.Equal(0.4 + 0.6 * residual, partlyIndependent.Evaluate(GenotypeLayout.Parental, [c]).Signal, 12);
        Assert.Equal(0.4 + 2 * 0.6 * residual, partlyIndependent.Evaluate(twoCopies, [c]).Signal, 12);   // ALK copies carry 1 − β each
        Assert.Equal(0.4, partlyIndependent.Evaluate(GenotypeLayout.Parental, [1e12]).Signal, 6);         // no ALK drug goes below β
        Assert.True(partlyIndependent.Evaluate(GenotypeLayout.Parental, [c]).Birth > addicted.Evaluate(GenotypeLayout.Parental, [c]).Birth);
    }
}
