using ResistanceSim.Engine.Running;
using ResistanceSim.Model;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Engine;

/// <summary>The signal model selects as the biology says: ALK inhibition kills parental cells and lets a bypass clone take over; inhibiting the bypass too prevents it.</summary>
public class TreatmentSelectionTests
{
    [Theory]
    [MemberData(nameof(EngineRunner.AllAlgorithms), MemberType = typeof(EngineRunner))]
    public void CrizotinibShrinksParentalCellsAndTheBypassCloneTakesOver(string algorithm)
    {
        var scenario = TestScenarios.BypassUnderTreatment(addErlotinib: false, Enum.Parse<EngineKind>(algorithm, true));
        var ends = EngineRunner.Replicates(scenario, EngineRunner.Named(algorithm), 5);
        foreach (var end in ends)
        {
            long bypass = end.CellsByMechanism[0];
            long parental = end.FinalCells - bypass;
            Assert.True(parental < 10, $"parental cells should have nearly gone under crizotinib ({parental} left)");
            Assert.True(bypass > 10_000, $"the EGFR-bypass clone should have regrown past the initial size ({bypass})");
            Assert.Equal(RunOutcome.Progressed, end.Outcome);
        }
    }

    [Theory]
    [MemberData(nameof(EngineRunner.AllAlgorithms), MemberType = typeof(EngineRunner))]
    public void AddingErlotinibStopsTheBypassClone(string algorithm)
    {
        var scenario = TestScenarios.BypassUnderTreatment(addErlotinib: true, Enum.Parse<EngineKind>(algorithm, true));
        var ends = EngineRunner.Replicates(scenario, EngineRunner.Named(algorithm), 5);
        foreach (var end in ends)
        {
            Assert.True(end.FinalCells < 1_000, $"crizotinib + erlotinib should leave almost nothing ({end.FinalCells} cells)");
            Assert.NotEqual(RunOutcome.Progressed, end.Outcome);
        }
    }
}
