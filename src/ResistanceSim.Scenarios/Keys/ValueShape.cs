using ResistanceSim.Scenarios.Yaml;

namespace ResistanceSim.Scenarios.Keys;

/// <summary>
/// What a scenario value may be, declared once in <see cref="ScenarioKeys"/>: the binders read values of this shape
/// (<see cref="MapReader"/> checks that they ask for what is declared) and the JSON Schema is generated from it.
/// </summary>
public abstract class ValueShape
{
    /// <summary>Words for messages about a binder that disagrees with the declaration ("a number > 0").</summary>
    public abstract string Describe();
}

/// <summary>A number checked by <see cref="Rule"/> (and by the bound of its key's unit, <see cref="UnitRanges"/>).</summary>
public sealed class NumberShape(Rule? rule) : ValueShape
{
    public Rule? Rule { get; } = rule;

    public override string Describe() => Rule is null ? "a number" : $"a number {Rule.Requirement}";
}

/// <summary>A whole number (<c>1.0e6</c> is one) checked by <see cref="Rule"/>; <see cref="Fits32Bits"/> for counts read as int.</summary>
public sealed class WholeNumberShape(Rule? rule, bool fits32Bits) : ValueShape
{
    public Rule? Rule { get; } = rule;

    public bool Fits32Bits { get; } = fits32Bits;

    public override string Describe() => Rule is null ? "a whole number" : $"a whole number {Rule.Requirement}";
}

/// <summary><c>true</c> or <c>false</c>.</summary>
public sealed class BooleanShape : ValueShape
{
    public static BooleanShape Instance { get; } = new();

    public override string Describe() => "true or false";
}

/// <summary>Text; any single value counts (<c>name: 42</c> is the text "42").</summary>
/// <param name="pattern">A regular expression the text must match, for the schema (the binder checks it itself), or null.</param>
/// <param name="maxLength">The longest text allowed, or null.</param>
public sealed class TextShape(string? pattern = null, int? maxLength = null) : ValueShape
{
    public static TextShape Any { get; } = new();

    public string? Pattern { get; } = pattern;

    public int? MaxLength { get; } = maxLength;

    public override string Describe() => "text";
}

/// <summary>One of a fixed set of words.</summary>
public sealed class ChoiceShape(IReadOnlyList<string> values) : ValueShape
{
    public IReadOnlyList<string> Values { get; } = values ?? throw new ArgumentNullException(nameof(values));

    /// <summary>The members of a C# enum as YAML writes them (<c>PerGenotype</c> → <c>per_genotype</c>).</summary>
    public static ChoiceShape Of<TEnum>()
        where TEnum : struct, Enum => new(Enum.GetValues<TEnum>().Select(m => SnakeCase.Of(m.ToString())).ToArray());

    public override string Describe() => $"one of {string.Join(", ", Values)}";
}

/// <summary>Any single value (a sweep point's value: its meaning depends on the path it is patched into).</summary>
public sealed class ScalarShape : ValueShape
{
    public static ScalarShape Instance { get; } = new();

    public override string Describe() => "a single value";
}

/// <summary>A list of <see cref="Item"/>s; with <see cref="AcceptsSingleValue"/> a lone value counts as a one-item list.</summary>
public sealed class ListShape(ValueShape item, bool acceptsSingleValue = false, int minItems = 0) : ValueShape
{
    public ValueShape Item { get; } = item ?? throw new ArgumentNullException(nameof(item));

    public bool AcceptsSingleValue { get; } = acceptsSingleValue;

    public int MinItems { get; } = minItems;

    public override string Describe() => $"a list of {Item.Describe()}";
}
