using ResistanceSim.Engine.Pharmacodynamics;
using ResistanceSim.Model;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Engine;

/// <summary>The pathway signal model's algebra (DESIGN §2).</summary>
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
}
