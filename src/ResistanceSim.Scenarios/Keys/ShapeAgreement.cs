using ResistanceSim.Scenarios.Yaml;

namespace ResistanceSim.Scenarios.Keys;

/// <summary>Whether the way a binder reads a value matches its declaration: same type, same rule (by its words), same choices.</summary>
internal static class ShapeAgreement
{
    /// <param name="declared">The shape in <see cref="ScenarioKeys"/>.</param>
    /// <param name="read">The shape the binder's accessor implies; a <see cref="MapShape"/> stands for "some map".</param>
    public static bool Agrees(ValueShape declared, ValueShape read) => (declared, read) switch
    {
        (NumberShape d, NumberShape r) => SameRule(d.Rule, r.Rule),
        (WholeNumberShape d, WholeNumberShape r) => d.Fits32Bits == r.Fits32Bits && SameRule(d.Rule, r.Rule),
        (BooleanShape, BooleanShape) => true,
        (TextShape, TextShape) => true,
        (ChoiceShape d, ChoiceShape r) => d.Values.SequenceEqual(r.Values, StringComparer.Ordinal),
        (ListShape d, ListShape r) => d.AcceptsSingleValue == r.AcceptsSingleValue && Agrees(d.Item, r.Item),
        (MapShape, MapShape) => true,
        _ => false,
    };

    private static bool SameRule(Rule? declared, Rule? read) =>
        ReferenceEquals(declared, read)
        || (declared is not null && read is not null && declared.Requirement == read.Requirement && declared.AllowsInfinity == read.AllowsInfinity);
}
