namespace ResistanceSim.Output;

/// <summary>Where a result came from; stored in every Parquet file's key-value metadata and in manifest.json.</summary>
public sealed record Provenance(string ToolVersion, string ScenarioSha256, ulong Seed, string Engine)
{
    public IReadOnlyList<KeyValuePair<string, string>> AsKeyValues() =>
    [
        new("resistancesim.version", ToolVersion),
        new("resistancesim.scenario_sha256", ScenarioSha256),
        new("resistancesim.seed", Seed.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("resistancesim.engine", Engine),
    ];

    public static string CurrentToolVersion =>
        typeof(Provenance).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
