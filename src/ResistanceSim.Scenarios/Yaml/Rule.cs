namespace ResistanceSim.Scenarios.Yaml;

/// <summary>
/// A constraint on a number, with the words that complete "… must be": <c>&gt; 0</c>, <c>in [0, 1]</c>.
/// <c>.nan</c> fails every built-in rule, because every comparison with NaN is false. Infinity is refused by
/// <see cref="ValueReader"/> whatever the rule says ("must be finite"), unless the rule is marked
/// <see cref="AllowsInfinity"/> (<see cref="OrInfinite"/>), which only the keys documented to take <c>.inf</c> use.
/// </summary>
public sealed class Rule
{
    private readonly Func<double, bool> _isSatisfiedBy;

    /// <param name="requirement">Completes "x must be …", e.g. "> 0" or "a multiple of 7".</param>
    /// <param name="isSatisfiedBy">True for acceptable values.</param>
    public Rule(string requirement, Func<double, bool> isSatisfiedBy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requirement);
        ArgumentNullException.ThrowIfNull(isSatisfiedBy);
        Requirement = requirement;
        _isSatisfiedBy = isSatisfiedBy;
    }

    /// <summary>The words after "must be".</summary>
    public string Requirement { get; }

    public bool IsSatisfiedBy(double value) => _isSatisfiedBy(value);

    /// <summary>True when <c>.inf</c> is a meaningful value (e.g. a half-life of <c>.inf</c>: no decay).</summary>
    public bool AllowsInfinity { get; private init; }

    /// <summary>The interval the rule keeps values in, as far as it is one (for the JSON Schema); unbounded for custom rules.</summary>
    public NumericBounds Bounds { get; init; } = NumericBounds.Unbounded;

    /// <summary>This rule, with <c>+.inf</c> accepted as well (when the rule itself accepts it).</summary>
    public Rule OrInfinite() => new($"{Requirement} (or .inf)", _isSatisfiedBy) { AllowsInfinity = true, Bounds = Bounds };

    /// <summary>Both rules: "must be &gt; 0 and finite".</summary>
    public static Rule operator &(Rule first, Rule second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return new Rule($"{first.Requirement} and {second.Requirement}", v => first.IsSatisfiedBy(v) && second.IsSatisfiedBy(v))
        {
            AllowsInfinity = first.AllowsInfinity && second.AllowsInfinity,
            Bounds = first.Bounds.Intersect(second.Bounds),
        };
    }

    /// <summary>Same as <c>&amp;</c>, for languages without operator overloading.</summary>
    public Rule And(Rule other) => this & other;

    public override string ToString() => Requirement;
}
