namespace ResistanceSim.Scenarios.Schema;

/// <summary>Which files a generated schema describes.</summary>
public enum SchemaTarget
{
    /// <summary>A scenario file: required keys are enforced unless it has <c>include:</c> (its includes may supply them).</summary>
    Scenario,

    /// <summary>A file other scenarios include (presets/): any part of a scenario, so no key is required.</summary>
    IncludedFile,
}
