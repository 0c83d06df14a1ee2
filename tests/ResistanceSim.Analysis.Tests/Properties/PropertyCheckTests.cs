using FsCheck;
using FsCheck.Fluent;
using ResistanceSim.Testing;
using Xunit;

namespace ResistanceSim.Analysis.Tests.Properties;

/// <summary>The fast suites' property runner: the same property sees the same cases on every run, and a failure names its seed.</summary>
public class PropertyCheckTests
{
    private static readonly Arbitrary<int> Numbers = Arb.From(Gen.Choose(0, 1_000_000));

    [Fact]
    public void APropertyDrawsTheSameCasesEveryRun()
    {
        var first = new List<int>();
        var second = new List<int>();
        PropertyCheck.Verify(Prop.ForAll(Numbers, x => { first.Add(x); return true; }), name: "SameProperty");
        PropertyCheck.Verify(Prop.ForAll(Numbers, x => { second.Add(x); return true; }), name: "SameProperty");

        Assert.Equal(100, first.Count);
        Assert.True(first.Distinct().Count() > 50, "the cases should vary within a run");
        Assert.Equal(first, second);
    }

    [Fact]
    public void AFailureNamesTheSeedToReplay()
    {
        var error = Assert.Throws<Xunit.Sdk.XunitException>(() =>
            PropertyCheck.Verify(Prop.ForAll(Numbers, x => x < 0), name: "AlwaysFails"));
        Assert.Contains("AlwaysFails failed from seed ", error.Message, StringComparison.Ordinal);
        Assert.Contains($"replay with {PropertyCheck.SeedVariable}=", error.Message, StringComparison.Ordinal);
    }
}
