namespace ResistanceSim.Scenarios.Keys;

/// <summary>Whether a key must be written.</summary>
public enum Presence
{
    Optional,
    Required,
    /// <summary>Required in some scenarios only, a rule the validator checks across keys and the key's
    /// description states (<c>sampling</c> is required unless there is a <c>cohort</c>); the schema leaves it optional.</summary>
    Conditional,
}

/// <summary>One key of a scenario map: its name, the shape of its value, whether it must be written, and what it means.</summary>
public sealed record KeySpec(string Name, ValueShape Shape, Presence Presence, string Description)
{
    public bool IsRequired => Presence == Presence.Required;
}
