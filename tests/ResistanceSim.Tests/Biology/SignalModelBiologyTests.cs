using ResistanceSim.Engine.Pharmacodynamics;
using ResistanceSim.Model;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Biology;

/// <summary>Fold-change composition, ALK amplification and downstream bypass in the signal model.</summary>
public class SignalModelBiologyTests
{
    private static readonly AlkKinaseMutation G1202R = new("ALK_G1202R", 0, 0, new Dictionary<string, double> { ["lorlatinib"] = 20, ["hsp90"] = 7 });
    private static readonly AlkKinaseMutation L1196M = new("ALK_L1196M", 0, 0, new Dictionary<string, double> { ["lorlatinib"] = 8 });
    private static readonly AlkAmplification Amplification = new("ALK_amplification", 0, 0, 1, 8);
    private static readonly PathwayActivation Kras = new("KRAS_mutation", 0, 0, Pathway.Downstream, 0.8);
    private static readonly Drug Lorlatinib = new("lorlatinib", [new DrugTarget(Pathway.Alk, 2, 1)], 1, true, null, InVitroPk.Stable);
    private static readonly Drug Hsp90 = new("hsp90", [new DrugTarget(Pathway.Alk, 10, 1), new DrugTarget(Pathway.Mes, 20, 1)], 1, false, null, InVitroPk.Stable);

    private static SignalModel Model(Drug drug, params Mechanism[] mechanisms)
    {
        // A new Scenario (not `with`), so its drug order is computed from the new library.
        var b = TestScenarios.BypassUnderTreatment(false, EngineKind.Exact);
        var scenario = new Scenario(b.Name, b.Description, b.Seed, b.Replicates, b.Engine, b.Population,
            new MechanismCatalog(mechanisms, 2), new Dictionary<string, Drug> { [drug.Name] = drug }, Protocol.None, b.Sampling, b.Stop);
        return new SignalModel(scenario);
    }

    [Fact]
    public void CompoundMutantsMultiplyTheirFoldChanges()
    {
        var model = Model(Lorlatinib, G1202R, L1196M);
        var layout = new MechanismCatalog([G1202R, L1196M], 2).Layout;
        ulong compound = layout.WithAlkMutation(layout.WithAlkMutation(GenotypeLayout.Parental, 0), 1);
        double c = 100;
        double inhibition = model.Evaluate(compound, [c]).AlkInhibition;
        Assert.Equal(Hill.Effect(c, 2 * 20 * 8, 1), inhibition, 12);   // IC50 2 nM × 20 × 8
        ulong single = layout.WithAlkMutation(GenotypeLayout.Parental, 0);
        Assert.Equal(Hill.Effect(c, 2 * 20, 1), model.Evaluate(single, [c]).AlkInhibition, 12);
    }

    [Fact]
    public void DrugsThatDoNotBindTheKinaseDomainIgnoreKinaseMutations()
    {
        var model = Model(Hsp90, G1202R);
        var layout = new MechanismCatalog([G1202R], 2).Layout;
        ulong mutant = layout.WithAlkMutation(GenotypeLayout.Parental, 0);
        Assert.Equal(model.Evaluate(GenotypeLayout.Parental, [30]).AlkInhibition, model.Evaluate(mutant, [30]).AlkInhibition, 14);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    public void AmplificationRaisesTheConcentrationNeededToSilenceTheSignal(int copies)
    {
        // ALK activity = copies, so the residual signal c·IC50/(C + IC50) falls to ½ at C = IC50·(2c − 1) (Hill slope 1):
        // the effective IC50 of the signal rises linearly with the copy number.
        var model = Model(Lorlatinib, Amplification);
        ulong amplified = new MechanismCatalog([Amplification], 2).Layout.WithAlkCopies(GenotypeLayout.Parental, copies);
        double halfSignalAt = 2.0 * (2 * copies - 1);
        Assert.Equal(0.5, model.Evaluate(amplified, [halfSignalAt]).Signal, 12);
        Assert.Equal(0.5, model.Evaluate(GenotypeLayout.Parental, [2.0]).Signal, 12);
    }

    [Fact]
    public void DownstreamKrasSignalIsUntouchedByEveryDrug()
    {
        var model = Model(Lorlatinib, Kras);
        ulong kras = new MechanismCatalog([Kras], 2).Layout.WithOther(GenotypeLayout.Parental, 0);
        Assert.Equal(0.8, model.Evaluate(kras, [1e9]).Signal, 6);   // ALK fully inhibited; 0.8 remains
    }
}
