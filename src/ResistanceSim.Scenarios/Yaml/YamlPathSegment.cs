namespace ResistanceSim.Scenarios.Yaml;

/// <summary>One step of a <see cref="YamlPath"/>: a map key, or (when <see cref="Key"/> is null) a list index.</summary>
public readonly record struct YamlPathSegment(string? Key, int Index)
{
    public static YamlPathSegment ForKey(string key) => new(key, -1);

    public static YamlPathSegment ForIndex(int index) => new(null, index);

    public bool IsIndex => Key is null;
}
